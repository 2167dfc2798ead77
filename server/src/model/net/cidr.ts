import { familyBits, formatIp, parseIp, type IpAddress, type IpFamily } from './ip-address';

// CIDR prefixes for rules (overlap, containment, capacity) and for Terraform's cidr* functions.

export interface Cidr {
  readonly family: IpFamily;
  /** the address as written (host bits may be set: `10.0.0.1/16` is accepted, as Terraform does) */
  readonly address: bigint;
  readonly prefix: number;
  /** first address of the prefix (host bits cleared) */
  readonly network: bigint;
}

/** Result of a cidr computation that can fail, with Terraform's wording for the failure. */
export type CidrResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function parseCidr(text: string): Cidr | undefined {
  // The network rules parse the same few prefixes per cluster and run (BigInt work): parsed once, frozen, shared.
  if (parsed.has(text)) return parsed.get(text);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  const c = parseUncached(text);
  parsed.set(text, c && Object.freeze(c));
  return c;
}

const MAX_PARSED = 10_000;
const parsed = new Map<string, Cidr | undefined>();

function parseUncached(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > familyBits(ip.family)) return undefined;
  return { family: ip.family, address: ip.value, prefix, network: ip.value & maskOf(ip.family, prefix) };
}

function maskOf(family: IpFamily, prefix: number): bigint {
  const bits = BigInt(familyBits(family));
  const all = (1n << bits) - 1n;
  return all ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

export function addressCount(c: Cidr): bigint {
  return 1n << BigInt(familyBits(c.family) - c.prefix);
}

export function lastAddress(c: Cidr): bigint {
  return c.network + addressCount(c) - 1n;
}

export function formatCidr(c: Cidr): string {
  // parsed prefixes are shared (see parseCidr) and the rules format them per cluster and run: format each once
  let text = formatted.get(c);
  if (text === undefined) formatted.set(c, (text = `${formatIp({ family: c.family, value: c.network })}/${c.prefix}`));
  return text;
}

const formatted = new WeakMap<Cidr, string>();

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

export function cidrContains(outer: Cidr, inner: Cidr | IpAddress): boolean {
  if (outer.family !== inner.family) return false;
  if ('prefix' in inner) return inner.prefix >= outer.prefix && (inner.network & maskOf(outer.family, outer.prefix)) === outer.network;
  return (inner.value & maskOf(outer.family, outer.prefix)) === outer.network;
}

/** Addresses usable by VMs/pods in an Azure subnet: Azure reserves five per subnet (aks-rules.md 5.3). */
export function azureUsableAddressCount(c: Cidr): bigint {
  const n = addressCount(c) - 5n;
  return n > 0n ? n : 0n;
}

/** Terraform's cidrsubnet(prefix, newbits, netnum). */
export function cidrSubnet(base: Cidr, newbits: number, netnum: number | bigint): CidrResult<Cidr> {
  const bits = familyBits(base.family);
  const prefix = base.prefix + newbits;
  // a negative newbits widens the prefix; Terraform accepts that
  if (!Number.isInteger(newbits) || prefix < 0) return fail(`invalid prefix extension ${newbits}`);
  if (prefix > bits) return fail(`insufficient address space to extend prefix of ${base.prefix} by ${newbits}`);
  const num = BigInt(netnum);
  // Terraform wraps negative netnums oddly (go big.Int); we report them instead of copying that
  if (num < 0n || num >= 1n << BigInt(Math.max(newbits, 0))) {
    return fail(`prefix extension of ${newbits} does not accommodate a subnet numbered ${num}`);
  }
  const network = (base.network & maskOf(base.family, prefix)) | (num << BigInt(bits - prefix));
  return { ok: true, value: { family: base.family, address: network, prefix, network } };
}

/** Terraform's cidrhost(prefix, hostnum); a negative hostnum counts back from the end of the range. */
export function cidrHost(base: Cidr, hostnum: number | bigint): CidrResult<IpAddress> {
  const num = BigInt(hostnum);
  const size = addressCount(base);
  if (num >= size || -num > size) {
    return fail(`prefix of ${base.prefix} does not accommodate a host numbered ${num}`);
  }
  const value = num >= 0n ? base.network + num : lastAddress(base) + 1n + num;
  return { ok: true, value: { family: base.family, value } };
}

/** Terraform's cidrnetmask(prefix): IPv4 only. */
export function cidrNetmask(base: Cidr): CidrResult<string> {
  if (base.family !== 4) return fail('only IPv4 networks are supported');
  return { ok: true, value: formatIp({ family: 4, value: maskOf(4, base.prefix) }) };
}

function fail<T>(error: string): CidrResult<T> {
  return { ok: false, error };
}
