// CoreDNS plugin knowledge as data (aks-rules §2.6, §4.7; coredns/coredns plugin.cfg and plugin/*/setup.go @ 4b26cced).

/**
 * Plugin (directive) names from CoreDNS plugin.cfg, in execution order. Order matters: inside a server block
 * plugins run in this order, not in Corefile order (a `rewrite` runs before `kubernetes` wherever it is written).
 */
export const COREDNS_PLUGINS: readonly string[] = [
  'root', 'metadata', 'geoip', 'cancel', 'proxyproto', 'quic', 'grpc_server', 'https', 'https3', 'timeouts', 'multisocket',
  'reload', 'nsid', 'bufsize', 'bind', 'debug', 'trace', 'ready', 'health', 'pprof', 'shed', 'prometheus', 'errors', 'log',
  'dnstap', 'local', 'dns64', 'any', 'chaos', 'loadbalance', 'tsig', 'rewrite', 'autopath', 'acl', 'cache', 'header',
  'dnssec', 'tls', 'minimal', 'template', 'transfer', 'hosts', 'route53', 'azure', 'clouddns', 'k8s_external', 'kubernetes',
  'file', 'auto', 'secondary', 'etcd', 'loop', 'forward', 'grpc', 'erratic', 'whoami', 'on', 'sign', 'view', 'nomad',
];

/** Directives handled by the Corefile reader itself, not by a plugin. */
export const COREFILE_BUILTIN_DIRECTIVES: readonly string[] = ['import'];

/** Plugins whose setup returns plugin.ErrOnce: "this plugin can only be used once per Server Block". */
export const ONCE_PER_SERVER_BLOCK: readonly string[] = [
  'cache', 'dnssec', 'errors', 'grpc', 'hosts', 'kubernetes', 'loop', 'prometheus', 'nsid', 'pprof', 'ready', 'shed', 'tsig', 'view',
];

/** Plugins removed from CoreDNS that users still write; value = the replacement. */
export const REMOVED_PLUGINS: Readonly<Record<string, string>> = { proxy: 'forward' };

/** `forward` accepts at most this many upstreams ("more than 15 TOs configured"). */
export const FORWARD_MAX_UPSTREAMS = 15;

/** First CoreDNS release where several `forward` plugins may share a server block (PR #5127). */
export const FORWARD_MULTI_INSTANCE_SINCE = '1.9.4';

const PLUGIN_SET = new Set([...COREDNS_PLUGINS, ...COREFILE_BUILTIN_DIRECTIVES]);
const ONCE_SET = new Set(ONCE_PER_SERVER_BLOCK);

/** A name CoreDNS accepts as a plugin line (built-in plugin or `import`). Case-sensitive, as CoreDNS is. */
export function isKnownDirective(name: string): boolean {
  return PLUGIN_SET.has(name);
}

export function isOncePerServerBlock(name: string): boolean {
  return ONCE_SET.has(name);
}

/** Position of a plugin in the execution chain (plugin.cfg order), or -1 for unknown names. */
export function executionOrder(name: string): number {
  return COREDNS_PLUGINS.indexOf(name);
}

/** Syntax lines for hovers (aks-rules §2.6 cheat sheet). */
export const PLUGIN_SYNTAX: Readonly<Record<string, string>> = {
  forward: 'forward FROM TO... [{ except NAMES...; force_tcp; prefer_udp; policy random|round_robin|sequential; max_fails N; health_check DURATION; ... }]',
  hosts: 'hosts [FILE [ZONES...]] { [INLINE "IP NAME..." lines]; ttl SECONDS; no_reverse; reload DURATION; fallthrough [ZONES...] }',
  rewrite: 'rewrite [continue|stop] name [exact|prefix|suffix|substring|regex] FROM TO [answer auto | answer name FROM TO | answer value FROM TO]',
  log: 'log [NAMES...] [FORMAT] [{ class success|denial|error|all }]',
};
