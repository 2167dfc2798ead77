import { cidrHost, cidrNetmask, cidrSubnet, formatCidr, parseCidr, type Cidr, type CidrResult } from '../../net/cidr';
import { familyBits, formatIp } from '../../net/ip-address';
import { str, list } from '../value';
import { asInteger, asString, fn, FunctionError, type TfFunction } from './function-kit';

// cidrsubnet, cidrhost, cidrnetmask, cidrsubnets over the shared CIDR math in model/net.

function prefixArg(text: string): Cidr {
  const c = parseCidr(text);
  if (!c) throw new FunctionError(`invalid CIDR expression: invalid CIDR address: ${text}`);
  return c;
}

function unwrap<T>(r: CidrResult<T>): T {
  if (!r.ok) throw new FunctionError(r.error);
  return r.value;
}

export const cidrFunctions: Record<string, TfFunction> = {
  cidrsubnet: fn(3, 3, ([p, b, n]) => {
    const base = prefixArg(asString(p));
    return str(formatCidr(unwrap(cidrSubnet(base, asInteger(b, 'newbits'), asInteger(n, 'netnum')))));
  }),
  cidrhost: fn(2, 2, ([p, h]) => {
    const host = unwrap(cidrHost(prefixArg(asString(p)), asInteger(h, 'hostnum')));
    return str(formatIp(host));
  }),
  cidrnetmask: fn(1, 1, ([p]) => {
    const text = asString(p);
    const base = prefixArg(text);
    if (base.family !== 4) throw new FunctionError(`IPv6 addresses cannot have a netmask: ${text}`);
    return str(unwrap(cidrNetmask(base)));
  }),
  // Allocates consecutive subnets, each aligned to its own size (Terraform's algorithm).
  cidrsubnets: fn(1, Infinity, ([p, ...bits]) => {
    const base = prefixArg(asString(p));
    const width = familyBits(base.family);
    const out: string[] = [];
    let next = base.network;
    for (const b of bits) {
      const newbits = asInteger(b, 'newbits');
      const prefix = base.prefix + newbits;
      if (newbits < 1) throw new FunctionError('must extend prefix by at least one bit');
      if (prefix > width) {
        throw new FunctionError(`would extend prefix to ${prefix} bits, which is too long for an IPv${base.family} address`);
      }
      const size = 1n << BigInt(width - prefix);
      const start = ((next + size - 1n) / size) * size;
      if (start + size - 1n > base.network + (1n << BigInt(width - base.prefix)) - 1n) {
        throw new FunctionError(`not enough remaining address space for a subnet with a prefix of ${prefix} bits`);
      }
      out.push(formatCidr({ family: base.family, address: start, prefix, network: start }));
      next = start + size;
    }
    return list(out.map((s) => str(s)));
  }),
};
