import { parseCorefile } from '../../syntax/corefile/parse-corefile';
import { isOncePerServerBlock } from './plugins';

// What AKS puts around coredns-custom content (aks-rules §2.6). The default Corefile text comes from public
// `kubectl get cm coredns -o yaml` transcripts (UNVERIFIED as a Microsoft-published file; the structure is confirmed).

export const COREDNS_NAMESPACE = 'kube-system';
/** reconciled by the addon manager: edits are reverted */
export const COREDNS_CONFIGMAP = 'coredns';
/** the only ConfigMap AKS imports customisations from */
export const COREDNS_CUSTOM_CONFIGMAP = 'coredns-custom';
export const OVERRIDE_SUFFIX = '.override';
export const SERVER_SUFFIX = '.server';
export const RELOAD_COMMAND = 'kubectl --namespace kube-system rollout restart deployment coredns';

/** ConfigMap key format from k8s.io/apimachinery (configMapKeyFmt), max 253 characters. */
export const CONFIGMAP_KEY_PATTERN = /^[-._a-zA-Z0-9]+$/;
export const CONFIGMAP_KEY_MAX = 253;

export const AKS_DEFAULT_COREFILE = `.:53 {
    errors
    ready
    health {
      lameduck 5s
    }
    kubernetes cluster.local in-addr.arpa ip6.arpa {
      pods insecure
      fallthrough in-addr.arpa ip6.arpa
      ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf
    cache 30
    loop
    reload
    loadbalance
    import custom/*.override
    template ANY ANY internal.cloudapp.net {
      match "^(?:[^.]+\\.){4,}internal\\.cloudapp\\.net\\.$"
      rcode NXDOMAIN
      fallthrough
    }
    template ANY ANY reddog.microsoft.com {
      rcode NXDOMAIN
    }
}
import custom/*.server
`;

/** Plugin lines of the default `.:53` block, in Corefile order (read from the text above, so the two cannot drift). */
export const AKS_DEFAULT_BLOCK_PLUGINS: readonly string[] = parseCorefile(AKS_DEFAULT_COREFILE).corefile.serverBlocks[0].directives.map(
  (d) => d.name,
);

/** Zones the default block's kubernetes plugin serves. */
export const AKS_KUBERNETES_ZONES: readonly string[] = ['cluster.local', 'in-addr.arpa', 'ip6.arpa'];

/** Server keys that collide with the default block ("cannot serve dns://.:53 - it is already defined"). */
export function isDefaultServerKey(zone: string, port: string | undefined, scheme: string | undefined): boolean {
  return zone === '.' && (port === undefined || port === '53') && (scheme === undefined || scheme === 'dns');
}

export type OverrideVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'once-only-already-in-default' | 'forward-shadowed' };

/**
 * Whether a plugin line may appear in a `.override` value, which is pasted inside the default `.:53` block:
 * once-only plugins that the default block already has fail to load; a second `forward` either fails (CoreDNS < 1.9.4)
 * or never matches, because the default `forward . /etc/resolv.conf` is listed first.
 */
export function overrideVerdict(plugin: string): OverrideVerdict {
  if (plugin === 'forward') return { allowed: false, reason: 'forward-shadowed' };
  if (isOncePerServerBlock(plugin) && AKS_DEFAULT_BLOCK_PLUGINS.includes(plugin)) {
    return { allowed: false, reason: 'once-only-already-in-default' };
  }
  return { allowed: true };
}

/** Which kind of coredns-custom key a name is, by suffix. */
export function customKeyKind(key: string): 'override' | 'server' | 'invalid' {
  if (key.endsWith(OVERRIDE_SUFFIX)) return 'override';
  if (key.endsWith(SERVER_SUFFIX)) return 'server';
  return 'invalid';
}

/** A zone equal to or inside one the default kubernetes plugin serves (a separate server block would shadow it). */
export function shadowsKubernetesZone(zone: string): string | undefined {
  const z = zone.toLowerCase().replace(/\.$/, '');
  return AKS_KUBERNETES_ZONES.find((k) => z === k || z.endsWith(`.${k}`));
}
