import { readAksShowIdentities, type AksShowIdentity } from '../azure/aks-show';
import { identityMapEntry, type IdentityKey } from '../azure/identity-map';
import {
  IDENTITY_MODEL_VERSION,
  type ClusterIdentities,
  type IdentityComparison,
  type IdentityComparisonResult,
  type IdentityEntry,
  type IdentityType,
} from './identity-types';
import { plain } from './identity-model';

// The `az aks show` side in the same shape as the declared one, and the comparison of the two by identity role
// (control-plane, kubelet, addon:<key>), which both sides name alike.

const TYPES: Record<AksShowIdentity['type'], IdentityType> = {
  SystemAssigned: 'system-assigned',
  UserAssigned: 'user-assigned',
  ServicePrincipal: 'service-principal',
};

/** Reads an `az aks show -o json` document (object or text; ARM REST shape too) into a ClusterIdentities. */
export function identitiesFromAksShow(document: unknown): ClusterIdentities {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      doc = undefined;
    }
  }
  const name = doc && typeof doc === 'object' && typeof (doc as { name?: unknown }).name === 'string' ? (doc as { name: string }).name : 'az aks show';
  const identities = readAksShowIdentities(doc).map((a): IdentityEntry => {
    const map = identityMapEntry(a.role as IdentityKey);
    const actual = { clientId: a.clientId, principalId: a.principalId ?? a.objectId, resourceId: a.resourceId };
    return {
      id: `az-aks-show#${a.role}`,
      role: a.role,
      title: map?.title ?? a.role,
      type: TYPES[a.type],
      byo: false,
      azAksShowPath: a.jsonPath,
      explanation: map?.represents ?? '',
      roleAssignments: [],
      neededRoles: [],
      actual: Object.fromEntries(Object.entries(actual).filter(([, v]) => v !== undefined)),
      ...(a.resourceId ? { resource: { address: a.resourceId, name: lastSegment(a.resourceId) } } : {}),
    };
  });
  return { id: 'az-aks-show', name, identities };
}

/** Declared vs actual, one row per identity role; rows keep the declared order, then actual-only roles. */
export function compareIdentities(declared: ClusterIdentities, actual: ClusterIdentities): IdentityComparisonResult {
  const rows: IdentityComparison[] = [];
  const rest = [...actual.identities];
  for (const d of declared.identities) {
    const i = rest.findIndex((a) => a.role.toLowerCase() === d.role.toLowerCase());
    const a = i >= 0 ? rest.splice(i, 1)[0] : undefined;
    rows.push(row(d, a));
  }
  for (const a of rest) rows.push(row(undefined, a));
  return plain({ v: IDENTITY_MODEL_VERSION, rows });
}

function row(d: IdentityEntry | undefined, a: IdentityEntry | undefined): IdentityComparison {
  const role = (d ?? a)!.role;
  const title = (d ?? a)!.title;
  const declared = d && { type: d.type, resource: d.resource?.name ?? d.resource?.address };
  const actual = a && { type: a.type, resource: a.resource?.name, clientId: a.actual?.clientId, principalId: a.actual?.principalId };
  if (!d) return { role, title, actual, status: 'actualOnly', notes: ['The running cluster has this identity; the workspace does not declare it (AKS may have created it).'] };
  if (!a) {
    const notes = role === 'addon:omsagent'
      ? ['az aks show reports no omsagent identity when MSI auth (useAADAuth) is on; Container Insights then uses the cluster identity.']
      : ['Declared in the workspace but not reported by az aks show (not applied yet, or a different cluster).'];
    return { role, title, declared, status: 'declaredOnly', notes };
  }
  const notes: string[] = [];
  if (d.type !== 'unknown' && d.type !== a.type) notes.push(`Declared ${d.type}, the cluster reports ${a.type}.`);
  const wanted = d.byo ? d.resource?.name : undefined;
  if (wanted && a.resource?.name && wanted.toLowerCase() !== a.resource.name.toLowerCase()) {
    notes.push(`Declared identity "${wanted}", the cluster uses "${a.resource.name}".`);
  }
  if (d.byo && role === 'kubelet' && !wanted && a.resource?.name?.endsWith('-agentpool')) {
    notes.push('The cluster uses the AKS-created kubelet identity, not the declared one.');
  }
  return { role, title, declared, actual, status: notes.length ? 'differs' : 'match', notes };
}

function lastSegment(id: string): string {
  return id.slice(id.replace(/\/+$/, '').lastIndexOf('/') + 1).replace(/\/+$/, '');
}
