import type { AssignedRole, ClusterIdentities, IdentityEntry, NeededRole, SourceSpan } from '../model/identity/identity-types';
import { toRange, type FileResolver } from './convert';
import type { ClusterInfo, IdentityInfo, IdentityKind, SourceLocation } from './protocol';

// The identity model (file paths + offsets) -> the wire shape (URIs + LSP positions) the client renders.

export function toClusterInfo(c: ClusterIdentities, files: FileResolver): ClusterInfo {
  return { id: c.id, name: c.name, location: loc(c.declaredAt, files), identities: c.identities.map((i) => toIdentityInfo(i, files)) };
}

function toIdentityInfo(i: IdentityEntry, files: FileResolver): IdentityInfo {
  const resource = i.resource ? (i.resource.name ? `${i.resource.address} ("${i.resource.name}")` : i.resource.address) : undefined;
  return {
    id: i.id,
    kind: kindOf(i.role),
    role: i.role,
    name: i.title,
    type: i.type,
    origin: i.byo ? 'byo' : i.type === 'unknown' ? 'unknown' : 'system',
    resource,
    principalExpression: i.principalExpression,
    explanation: i.explanation,
    azAksShowPath: i.azAksShowPath,
    location: loc(i.declaredAt ?? i.resource?.at, files),
    roleAssignments: i.roleAssignments.map((r: AssignedRole) => ({
      role: r.role,
      scope: r.scope,
      scopeResolvesTo: r.scopeResolvesTo,
      address: r.address,
      location: loc(r.at, files),
    })),
    missingRoles: i.neededRoles.map((n: NeededRole) => ({
      role: n.role,
      scope: n.scope,
      reason: n.reason,
      fix: n.fix?.title,
      fixSnippet: n.fix?.snippet,
      code: n.code,
      location: loc(n.at, files),
    })),
  };
}

function kindOf(role: string): IdentityKind {
  if (role === 'control-plane') return 'controlPlane';
  if (role === 'kubelet') return 'kubelet';
  if (role === 'service-principal') return 'servicePrincipal';
  if (role.startsWith('addon:')) return 'addon';
  return role === 'workload' ? 'workload' : 'other';
}

function loc(span: SourceSpan | undefined, files: FileResolver): SourceLocation | undefined {
  const lines = span && files.lineIndexOf(span.file);
  return span && lines ? { uri: files.uriOf(span.file), range: toRange(lines, span.range) } : undefined;
}
