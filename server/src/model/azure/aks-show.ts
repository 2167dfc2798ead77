// Reads the identities out of an `az aks show` JSON document (CLI casing, aks-rules.md §2.3/§2.4). Also accepts the
// ARM REST shape (cluster settings under `properties`). Keys are matched case-insensitively because Azure changes the
// casing of add-on keys (omsagent / omsAgent); missing or malformed fields are skipped. Never throws.
import { canonicalAddonKey } from './identity-map';

export type AksIdentityRole = 'control-plane' | 'kubelet' | `addon:${string}`;
export type AksIdentityType = 'SystemAssigned' | 'UserAssigned' | 'ServicePrincipal';

export interface AksShowIdentity {
  readonly role: AksIdentityRole;
  readonly type: AksIdentityType;
  readonly principalId?: string;
  readonly clientId?: string;
  readonly objectId?: string;
  readonly resourceId?: string;
  readonly tenantId?: string;
  /** Where in the document the identity was found, e.g. `addonProfiles.omsAgent.identity`. */
  readonly jsonPath: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Case-insensitive property access that also reports the key as spelled in the document. */
function prop(obj: Obj, name: string): [key: string, value: unknown] | undefined {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return [name, obj[name]];
  const lower = name.toLowerCase();
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : [key, obj[key]];
}

function objAt(obj: Obj, name: string): [key: string, value: Obj] | undefined {
  const hit = prop(obj, name);
  return hit && isObj(hit[1]) ? [hit[0], hit[1]] : undefined;
}

function str(obj: Obj, name: string): string | undefined {
  const v = prop(obj, name)?.[1];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function join(base: string, key: string): string {
  const seg = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return base === '' ? seg.replace(/^\./, '') : base + seg;
}

/** Drops undefined fields so results compare cleanly with deepEqual. */
function clean(identity: AksShowIdentity): AksShowIdentity {
  return Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined)) as unknown as AksShowIdentity;
}

function idFields(obj: Obj): Pick<AksShowIdentity, 'principalId' | 'clientId' | 'objectId' | 'resourceId'> {
  return { principalId: str(obj, 'principalId'), clientId: str(obj, 'clientId'), objectId: str(obj, 'objectId'), resourceId: str(obj, 'resourceId') };
}

function controlPlane(doc: Obj, out: AksShowIdentity[]): void {
  const hit = objAt(doc, 'identity');
  if (!hit) return;
  const [key, identity] = hit;
  const type = (str(identity, 'type') ?? '').toLowerCase();
  const uais = objAt(identity, 'userAssignedIdentities');
  const tenantId = str(identity, 'tenantId');
  const principalId = str(identity, 'principalId');
  if (type.includes('systemassigned') || (type === '' && principalId)) {
    out.push(clean({ role: 'control-plane', type: 'SystemAssigned', principalId, tenantId, jsonPath: key }));
  }
  if (uais && (type.includes('userassigned') || type === '')) {
    const base = join(key, uais[0]);
    for (const [resourceId, value] of Object.entries(uais[1])) {
      const fields = isObj(value) ? idFields(value) : {};
      out.push(clean({ role: 'control-plane', type: 'UserAssigned', ...fields, resourceId, jsonPath: join(base, resourceId) }));
    }
  }
}

function servicePrincipal(root: Obj, prefix: string, out: AksShowIdentity[]): void {
  const hit = objAt(root, 'servicePrincipalProfile');
  const clientId = hit ? str(hit[1], 'clientId') : undefined;
  // "msi" is the placeholder AKS reports when a managed identity is used.
  if (hit && clientId && clientId.toLowerCase() !== 'msi') {
    out.push({ role: 'control-plane', type: 'ServicePrincipal', clientId, jsonPath: join(prefix, hit[0]) });
  }
}

function kubelet(root: Obj, prefix: string, out: AksShowIdentity[]): void {
  const profile = objAt(root, 'identityProfile');
  const kubeletId = profile && objAt(profile[1], 'kubeletidentity');
  if (!profile || !kubeletId) return;
  const jsonPath = join(join(prefix, profile[0]), kubeletId[0]);
  out.push(clean({ role: 'kubelet', type: 'UserAssigned', ...idFields(kubeletId[1]), jsonPath }));
}

function addons(root: Obj, prefix: string, out: AksShowIdentity[]): void {
  const profiles = objAt(root, 'addonProfiles');
  if (!profiles) return;
  const base = join(prefix, profiles[0]);
  for (const [name, profile] of Object.entries(profiles[1])) {
    const identity = isObj(profile) ? objAt(profile, 'identity') : undefined;
    if (!identity) continue; // e.g. omsagent with useAADAuth: identity is null
    const jsonPath = join(join(base, name), identity[0]);
    out.push(clean({ role: `addon:${canonicalAddonKey(name) ?? name}`, type: 'UserAssigned', ...idFields(identity[1]), jsonPath }));
  }
}

function webAppRouting(root: Obj, prefix: string, out: AksShowIdentity[]): void {
  const ingress = objAt(root, 'ingressProfile');
  const routing = ingress && objAt(ingress[1], 'webAppRouting');
  const identity = routing && objAt(routing[1], 'identity');
  if (!ingress || !routing || !identity) return;
  const jsonPath = join(join(join(prefix, ingress[0]), routing[0]), identity[0]);
  out.push(clean({ role: 'addon:webAppRouting', type: 'UserAssigned', ...idFields(identity[1]), jsonPath }));
}

/**
 * Lists the identities in an `az aks show` document (object or JSON text). Returns [] for anything that is not a
 * JSON object. Order: control plane, kubelet, add-on profiles (document order), web app routing.
 */
export function readAksShowIdentities(document: unknown): AksShowIdentity[] {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  if (!isObj(doc)) return [];
  const out: AksShowIdentity[] = [];
  try {
    // ARM REST puts cluster settings under `properties`; `identity` stays at the top level in both shapes.
    const props = objAt(doc, 'properties');
    const [root, prefix] = props ? [props[1], props[0]] : [doc, ''];
    controlPlane(doc, out);
    servicePrincipal(root, prefix, out);
    kubelet(root, prefix, out);
    addons(root, prefix, out);
    webAppRouting(root, prefix, out);
  } catch {
    // Defensive: exotic inputs (getters, proxies) must not take the caller down; keep what was read.
  }
  return out;
}
