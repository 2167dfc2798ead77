import { COREDNS_PLUGINS } from './plugins';

// One-line summaries of what each built-in CoreDNS plugin does (paraphrased from the plugin READMEs of
// coredns/coredns @ 4b26cced), for hovers. Plugins without a summary here get a generic line and the README link.

const SUMMARIES: Readonly<Record<string, string>> = {
  acl: 'Allows or blocks queries by source IP range and query type.',
  any: 'Answers ANY queries with a minimal response (RFC 8482).',
  auto: 'Loads zone files from a directory automatically, picking up new and changed files.',
  azure: 'Serves records from Azure DNS zones.',
  bind: 'Sets the addresses the server listens on (default: all interfaces).',
  bufsize: 'Limits the EDNS0 UDP buffer size of requests.',
  cache: 'Caches answers (positive and negative) for up to the given TTL. Once per server block.',
  chaos: 'Answers CH class queries (version.bind, authors.bind, ...).',
  clouddns: 'Serves records from Google Cloud DNS zones.',
  debug: 'Turns off recovery from panics and logs more, for debugging.',
  dns64: 'Synthesises AAAA records from A records (DNS64, RFC 6147).',
  dnssec: 'Signs answers on the fly with the given keys. Once per server block.',
  errors: 'Logs errors that occur while processing queries. Once per server block.',
  etcd: 'Serves records stored in etcd (SkyDNS style).',
  file: 'Serves a zone from an RFC 1035 zone file.',
  forward: 'Forwards queries to upstream resolvers (IPs, tls:// or a resolv.conf file); at most 15 upstreams.',
  grpc: 'Forwards queries to upstreams over gRPC. Once per server block.',
  header: 'Sets or clears header flags of responses.',
  health: 'Reports process health on an HTTP endpoint (:8080/health by default).',
  hosts: 'Answers from an /etc/hosts-style file or inline entries; authoritative for its zones unless "fallthrough" is set. Once per server block.',
  import: 'Includes other files or snippets into the Corefile (AKS uses it for custom/*.override and custom/*.server).',
  k8s_external: 'Resolves load balancer and external IPs of Kubernetes services from outside the cluster.',
  kubernetes: 'Answers cluster DNS (services and pods) from the Kubernetes API. Once per server block.',
  loadbalance: 'Shuffles the order of A, AAAA and MX records in answers (round robin).',
  local: 'Answers queries for localhost names locally.',
  log: 'Logs every query (query logging); on AKS view with kubectl logs --namespace kube-system -l k8s-app=kube-dns.',
  loop: 'Detects forwarding loops at start-up and stops CoreDNS when it finds one. Once per server block.',
  metadata: 'Collects request metadata that other plugins (log, view, ...) can use.',
  minimal: 'Strips answers down to the answer section when possible.',
  nsid: 'Adds a name server identifier (NSID, RFC 5001) to answers. Once per server block.',
  pprof: 'Publishes Go runtime profiling data over HTTP. Once per server block.',
  prometheus: 'Exports Prometheus metrics (the metrics plugin), :9153 on AKS. Once per server block.',
  ready: 'Reports readiness on an HTTP endpoint (:8181/ready). Once per server block.',
  reload: 'Reloads the Corefile when its content changes.',
  rewrite: 'Rewrites queries (names, types, classes, EDNS0) before later plugins see them, and optionally the answers back.',
  root: 'Sets the directory that relative zone file paths are read from.',
  route53: 'Serves records from AWS Route 53 zones.',
  secondary: 'Serves a zone transferred from a primary server (AXFR).',
  sign: 'Signs zone files with DNSSEC keys ahead of serving.',
  template: 'Builds answers from templates for names matching a regular expression.',
  tls: 'Sets TLS certificates for DNS-over-TLS, DNS-over-HTTPS and gRPC servers.',
  trace: 'Traces requests (OpenTracing/Zipkin/Datadog).',
  transfer: 'Answers zone transfer requests (AXFR/IXFR) for zones other plugins serve.',
  view: 'Selects a server block by an expression over the request (split-horizon DNS). Once per server block.',
  whoami: 'Answers with the client\'s IP address and port.',
};

/** The README folder of a plugin in coredns/coredns (the prometheus directive lives in plugin/metrics). */
export function pluginReadmePath(name: string): string {
  return `plugin/${name === 'prometheus' ? 'metrics' : name}/README.md`;
}

/** What a built-in plugin does, or undefined for names that are not built-in plugins. */
export function pluginSummary(name: string): string | undefined {
  if (name === 'import') return SUMMARIES.import;
  if (!COREDNS_PLUGINS.includes(name)) return undefined;
  return SUMMARIES[name] ?? 'Built-in CoreDNS plugin; see its README for the syntax.';
}
