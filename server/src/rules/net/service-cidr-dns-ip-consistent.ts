import type { TfModule, TfAttribute, TfBlock } from '../../model/terraform/model-types';
import { addressCount, cidrContains, cidrHost, lastAddress, parseCidr, type Cidr } from '../../model/net/cidr';
import { formatIp, parseIp } from '../../model/net/ip-address';
import { NETWORK_DEFAULTS, SERVICE_CIDR_RULES } from '../../model/azure/network-constants';
import { defineRule, type CheckContext, type Report } from '../kit/define-rule';
import { fix, insertAttribute, replaceRange, type SourceText } from '../kit/fix';
import { cidrText } from './cluster-network';
import { isLiteralString } from './literal';
import { perLinkedGroup } from '../kit/linked-groups';

// AKS-NET-002 (aks-rules.md §4.5, §2.5): service_cidr and dns_service_ip come as a pair, the DNS IP lies inside the
// service range and is not its network, kubernetes-Service (.1) or broadcast address; the range is smaller than /12
// and holds at least 8 addresses. Values are evaluated through variables, tfvars and locals; Unknown is silent.

type Id = 'pairMissing' | 'dnsOutside' | 'dnsReserved' | 'prefixTooLarge' | 'prefix12' | 'tooSmall' | 'invalidIp' | 'invalidCidr';

export const rule = defineRule({
  code: 'AKS-NET-002',
  name: 'service-cidr-dns-ip-consistent',
  title: 'service_cidr and dns_service_ip are set together and agree',
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'dns_service_ip must be set together with service_cidr, lie inside it, and not be its first addresses.',
    rationale:
      'azurerm rejects a `network_profile` with only one of `dns_service_ip` / `service_cidr` ("should all be empty or both should ' +
      'be set"). AKS rejects a DNS service IP outside the service range (`DnsServiceIpOutOfServiceCidr`: "The DNS service IP ' +
      '10.0.0.10 is out of the range defined by service CIDR 10.200.0.0/16."). "Don\'t use the first IP address in your address ' +
      'range": Kubernetes gives network address + 1 to the `kubernetes.default` Service; by convention the DNS IP is the .10 ' +
      'address (`cidrhost(service_cidr, 10)`). The service range "must be smaller than /12" (a /12 itself is not verified either ' +
      'way, so it is a warning) and Kubernetes needs at least 8 addresses. When neither is set AKS uses 10.0.0.0/16 and 10.0.0.10.',
    links: ['https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning', 'https://learn.microsoft.com/azure/aks/concepts-network-legacy-cni'],
  },
  messages: {
    pairMissing: '{present} is set but {missing} is not; dns_service_ip and service_cidr must both be set or both omitted.',
    dnsOutside: 'dns_service_ip {ip} is outside service_cidr {cidr} (AKS error DnsServiceIpOutOfServiceCidr).',
    dnsReserved: 'dns_service_ip {ip} is the {which} of service_cidr {cidr}; AKS says not to use the first addresses of the service range (network + 1 is the kubernetes.default Service IP). Use {suggested}.',
    prefixTooLarge: 'service_cidr {cidr} is too large: AKS requires a range smaller than /12.',
    prefix12: 'service_cidr {cidr} is a /12; AKS docs require "smaller than /12" (whether exactly /12 is accepted is unverified). Prefer /13 or smaller.',
    tooSmall: 'service_cidr {cidr} holds {count} addresses; Kubernetes needs a service range of at least 8 addresses (/29).',
    invalidIp: 'dns_service_ip "{value}" is not a valid IPv4 address.',
    invalidCidr: '{name} "{value}" is not a valid CIDR.',
  },
  messageSeverity: { prefix12: 'warning' },
  fixable: true,
  *check(ctx) {
    yield* perLinkedGroup(ctx.terraform().modules, 'AKS-NET-002', (group) => checkGroup(ctx, group));
  },
});

function* checkGroup(ctx: CheckContext, modules: readonly TfModule[]): Generator<Report<Id>> {
  for (const module of modules) {
    for (const cluster of module.resourcesOfType('azurerm_kubernetes_cluster')) {
      const profile = cluster.block('network_profile');
      if (profile) yield* checkProfile(ctx, profile);
    }
  }
}

type Ctx = { getFile(path: string): SourceText | undefined };

function* checkProfile(ctx: Ctx, profile: TfBlock): Generator<Report<Id>> {
  const dns = present(profile.attribute('dns_service_ip'));
  const svc = present(profile.attribute('service_cidr')) ?? present(profile.attribute('service_cidrs'));
  if (!dns && !svc) return;
  const cidr = svc && serviceCidr(svc);
  if (svc && cidr === 'invalid') yield { messageId: 'invalidCidr', data: { name: svc.name, value: text(svc) }, file: svc.file, range: svc.node.name.range };
  const ip = dns && dnsIp(dns);
  if (dns && ip === 'invalid') yield { messageId: 'invalidIp', data: { value: text(dns) }, file: dns.file, range: dns.node.name.range };
  if (!dns || !svc) {
    yield pairMissing(ctx, profile, dns ?? svc!, dns ? 'service_cidr' : 'dns_service_ip', typeof cidr === 'object' ? cidr : undefined, typeof ip === 'bigint' ? ip : undefined);
    return;
  }
  if (typeof cidr !== 'object') return;
  yield* rangeSize(svc, cidr);
  if (typeof ip !== 'bigint') return;
  const which = !cidrContains(cidr, { family: 4, value: ip }) ? 'outside' : reservedName(cidr, ip);
  if (!which) return;
  const suggestion = cidrHost(cidr, SERVICE_CIDR_RULES.dnsServiceIpIndex);
  const suggested = suggestion.ok ? formatIp(suggestion.value) : undefined;
  const file = ctx.getFile(dns.file);
  const fixes = suggested && file && isLiteralString(dns.expr) ? [fix(`Set dns_service_ip = "${suggested}"`, replaceRange(file, dns.expr.range, `"${suggested}"`))] : undefined;
  const data = { ip: formatIp({ family: 4, value: ip }), cidr: cidrText(cidr), which, suggested: suggested ?? 'an address such as the .10 of the range' };
  yield { messageId: which === 'outside' ? 'dnsOutside' : 'dnsReserved', data, file: dns.file, range: dns.node.name.range, fixes };
}

function* rangeSize(svc: TfAttribute, cidr: Cidr): Generator<Report<Id>> {
  const at = { file: svc.file, range: svc.node.name.range };
  const data = { cidr: cidrText(cidr), count: Number(addressCount(cidr)) };
  if (cidr.prefix < SERVICE_CIDR_RULES.minPrefixLengthExclusive) yield { messageId: 'prefixTooLarge', data, ...at };
  else if (cidr.prefix === SERVICE_CIDR_RULES.minPrefixLengthExclusive) yield { messageId: 'prefix12', data, ...at };
  if (addressCount(cidr) < BigInt(SERVICE_CIDR_RULES.minAddresses)) yield { messageId: 'tooSmall', data, ...at };
}

function pairMissing(ctx: Ctx, profile: TfBlock, has: TfAttribute, missing: 'service_cidr' | 'dns_service_ip', cidr: Cidr | undefined, ip: bigint | undefined): Report<Id> {
  const file = ctx.getFile(profile.file);
  let insert: string | undefined;
  if (missing === 'dns_service_ip' && cidr) {
    const host = cidrHost(cidr, SERVICE_CIDR_RULES.dnsServiceIpIndex);
    if (host.ok) insert = `dns_service_ip = "${formatIp(host.value)}"`;
  }
  const def = parseCidr(NETWORK_DEFAULTS.serviceCidr)!;
  if (missing === 'service_cidr' && ip !== undefined && cidrContains(def, { family: 4, value: ip }) && !reservedName(def, ip)) {
    insert = `service_cidr = "${NETWORK_DEFAULTS.serviceCidr}"`;
  }
  const edits = insert && file ? insertAttribute(file, profile.node, insert) : [];
  return {
    messageId: 'pairMissing',
    data: { present: has.name, missing },
    file: has.file,
    range: has.node.name.range,
    fixes: edits.length ? [fix(`Add ${insert}`, edits)] : undefined,
  };
}

function reservedName(cidr: Cidr, ip: bigint): string | undefined {
  if (ip === cidr.network) return 'network address';
  if (ip === cidr.network + 1n) return 'first host address';
  if (ip === lastAddress(cidr)) return 'broadcast address';
  return undefined;
}

function present(attr: TfAttribute | undefined): TfAttribute | undefined {
  return attr && attr.value.kind !== 'null' ? attr : undefined;
}

function text(attr: TfAttribute): string {
  const v = attr.value;
  return v.kind === 'string' ? v.value : v.kind === 'list' || v.kind === 'set' ? v.items.map((i) => (i.kind === 'string' ? i.value : '?')).join(', ') : '?';
}

/** The IPv4 service range (first IPv4 entry of service_cidrs); 'unknown' when not statically known. */
function serviceCidr(attr: TfAttribute): Cidr | 'invalid' | 'unknown' {
  const v = attr.value;
  const items = v.kind === 'string' ? [v] : v.kind === 'list' || v.kind === 'set' ? v.items : undefined;
  if (!items) return 'unknown';
  if (items.some((i) => i.kind !== 'string')) return 'unknown';
  const parsed = items.map((i) => parseCidr((i as { value: string }).value));
  if (parsed.some((c) => !c)) return 'invalid';
  return parsed.find((c) => c!.family === 4) ?? 'unknown';
}

function dnsIp(attr: TfAttribute): bigint | 'invalid' | 'unknown' {
  if (attr.value.kind !== 'string') return 'unknown';
  const ip = parseIp(attr.value.value);
  return ip?.family === 4 ? ip.value : 'invalid';
}
