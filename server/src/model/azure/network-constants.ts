// AKS networking constants (aks-rules.md §2.5, §5.3) with the small formulas the capacity rules use.

export const NETWORK_DEFAULTS = {
  /** Used by AKS when network_profile.service_cidr is not set. */
  serviceCidr: '10.0.0.0/16',
  /** "should be the .10 address of your service IP address range". */
  dnsServiceIp: '10.0.0.10',
  /** kubenet and Azure CNI Overlay. */
  podCidr: '10.244.0.0/16',
  /** IPv6 service CIDR default (`--service-cidrs` default in azure-cni-overlay.md). */
  serviceCidrIpv6: 'fd12:3456:789a:1::/108',
  source: 'articles/aks/configure-kubenet.md; articles/aks/azure-cni-overlay.md',
} as const;

/**
 * docker_bridge_cidr was removed in azurerm 4.0 (§2.2). aks-rules.md gives no default value; the value below is the
 * well-known AKS CLI default and is carried as UNVERIFIED.
 */
export const DOCKER_BRIDGE = {
  removedInAzurerm: '4.0.0',
  defaultCidr: '172.17.0.1/16',
  unverified: 'Default value not stated in aks-rules.md (AKS CLI default --docker-bridge-address).',
} as const;

/** Ranges AKS forbids for the service CIDR, the pod CIDR and the VNet range. */
export const RESERVED_RANGES: readonly { readonly cidr: string; readonly note: string }[] = [
  { cidr: '169.254.0.0/16', note: 'link-local' },
  { cidr: '172.30.0.0/16', note: 'reserved by AKS' },
  { cidr: '172.31.0.0/16', note: 'reserved by AKS' },
  { cidr: '192.0.2.0/24', note: 'TEST-NET-1' },
];
export const RESERVED_RANGES_SOURCE = 'articles/aks/concepts-network-legacy-cni.md, concepts-network-ip-address-planning.md, concepts-network-azure-cni-overlay.md';

/** Pod CIDRs inside these are in Microsoft's support scope for Overlay (RFC 1918 + RFC 6598). */
export const SUPPORTED_POD_CIDR_SPACES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

export const AZURE_SUBNET = {
  /** x.x.x.0 network, .1 gateway, .2 and .3 Azure DNS mapping, last address broadcast. */
  reservedIpsPerSubnet: 5,
  reservedIpsDetail: ['network address (.0)', 'default gateway (.1)', 'Azure DNS mapping (.2)', 'Azure DNS mapping (.3)', 'broadcast (last address)'],
  smallestIpv4Prefix: 29,
  largestIpv4Prefix: 8,
  source: 'MicrosoftDocs/azure-docs articles/virtual-network/virtual-networks-faq.md',
  inconsistency: 'articles/aks/configure-kubenet.md says "the first three"; the VNet FAQ and concepts-network-azure-cni-overlay.md say five. Use five.',
} as const;

export const SERVICE_CIDR_RULES = {
  /** Docs: "must be smaller than /12", i.e. prefix length > 12. */
  minPrefixLengthExclusive: 12,
  unverifiedPrefix12: 'Whether a service CIDR of exactly /12 is accepted ("smaller than /12" in docs).',
  /** Kubernetes: "the service cluster IP range must be at least 8 IP addresses" (prefix <= /29). */
  minAddresses: 8,
  /** Network address + 1 is the `kubernetes.default` Service ClusterIP (GetIndexedIP(range, 1)). */
  kubernetesServiceIpIndex: 1,
  /** dns_service_ip convention: the .10 address of the range (cidrhost(service_cidr, 10)). */
  dnsServiceIpIndex: 10,
  notInside: ['the cluster VNet address space', 'peered VNets', 'on-premises networks'],
  source: 'articles/aks/concepts-network-legacy-cni.md, concepts-network-ip-address-planning.md',
} as const;

export type PodIpMode = 'kubenet' | 'azure-cni-node-subnet' | 'azure-cni-pod-subnet' | 'azure-cni-overlay';

/** Default max pods per node, table "Maximum pods per node" of concepts-network-ip-address-planning.md. */
export const DEFAULT_MAX_PODS: Readonly<Record<PodIpMode, number>> = {
  'azure-cni-overlay': 250,
  'azure-cni-pod-subnet': 110,
  'azure-cni-node-subnet': 30,
  kubenet: 110,
};

export const MAX_PODS_BOUNDS = {
  min: 10,
  max: 250,
  /** "minimum value … is 10 if and only if the configuration of each node pool has space for a minimum of 30 pods". */
  minPodsPerPool: 30,
  /** Windows node pools on Overlay: max recommended. */
  windowsOverlayRecommendedMax: 110,
  source: 'articles/aks/concepts-network-ip-address-planning.md; concepts-network-azure-cni-overlay.md',
} as const;

export const POD_CIDR_ALLOCATION = {
  /** Overlay and kubenet: each node gets a /24 from pod_cidr. */
  perNodePrefix: 24,
  overlayMaxPodsPerNode: 250,
  /** kubenet: "maximum of 400 routes in a UDR". */
  kubenetMaxNodes: 400,
} as const;

export const POD_SUBNET_ALLOCATION = {
  /** Dynamic: IPs handed to nodes in batches of 16, a new batch when < 8 are unallocated. */
  dynamicBatchSize: 16,
  dynamicRefillBelow: 8,
  /** Static block: /28 blocks per node; no waste when max_pods = 16 * N - 1. */
  staticBlockPrefix: 28,
  source: 'articles/aks/concepts-network-azure-cni-pod-subnet.md',
} as const;

/** Default max surge is stated inconsistently (one node vs 10 %); real CLI output shows "10%". Rules state their assumption. */
export const MAX_SURGE_DEFAULT_ASSUMPTION = { percent: 10, minNodes: 1, note: 'docs disagree: one node (upgrade-aks-node-pools-rolling.md) vs 10% (best-practices-performance-scale-large.md)' } as const;

/** Usable addresses in an Azure subnet of this prefix length (2^(32-prefix) - 5); 0 when nothing is left. */
export function usableSubnetIps(prefixLength: number): number {
  return Math.max(0, 2 ** (32 - prefixLength) - AZURE_SUBNET.reservedIpsPerSubnet);
}

/** Surge nodes for `maxSurge` ("33%" or "3" or 3); a percentage is rounded up. Undefined when unparseable. */
export function surgeNodes(nodeCount: number, maxSurge: string | number): number | undefined {
  if (typeof maxSurge === 'number') return Number.isInteger(maxSurge) && maxSurge >= 0 ? maxSurge : undefined;
  const m = /^\s*(\d+)\s*(%?)\s*$/.exec(maxSurge);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.ceil((nodeCount * n) / 100) : n;
}

/** Azure CNI node-subnet ("legacy") requirement: (N + S) × (maxPods + 1). */
export function azureCniNodeSubnetIps(nodes: number, surge: number, maxPods: number): number {
  return (nodes + surge) * (maxPods + 1);
}

export const NETWORK_ERROR_CODES = {
  SubnetIsFull: { message: "… doesn't have enough capacity for IP addresses", source: 'subnetisfull-error.md' },
  ServiceCidrOverlapExistingSubnetsCidr: {
    message: 'The specified service CIDR 10.0.0.0/16 is conflicted with an existing subnet CIDR 10.0.0.0/24',
    target: 'networkProfile.serviceCIDR',
    source: 'servicecidroverlapexistingsubnetscidr-error.md',
  },
  DnsServiceIpOutOfServiceCidr: {
    message: 'The DNS service IP 10.0.0.10 is out of the range defined by service CIDR 10.200.0.0/16.',
    target: 'networkProfile.dnsServiceIP',
    source: 'dnsserviceipoutofservicecidr-error.md',
  },
} as const;
