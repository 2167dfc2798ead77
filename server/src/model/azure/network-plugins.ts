// azurerm network_profile plugin / mode / policy / data-plane validity (aks-rules.md Lesson 5, AKS-NET-001) as data.
// Values are case-sensitive: the provider validates them with StringInSlice(..., false) (§5.4).

export const NETWORK_PROFILE_VALUES = {
  network_plugin: ['azure', 'kubenet', 'none'],
  network_plugin_mode: ['overlay'],
  network_policy: ['calico', 'azure', 'cilium'],
  network_data_plane: ['azure', 'cilium'],
} as const;

export type NetworkProfileField = keyof typeof NETWORK_PROFILE_VALUES;

/** "If `network_profile` is not defined, `kubenet` profile will be used by default"; network_data_plane defaults to azure. */
export const NETWORK_PROFILE_DEFAULTS = { pluginWithoutProfile: 'kubenet', network_data_plane: 'azure' } as const;

/** Statically known facts about one cluster's network settings; undefined = not set (or Unknown: callers skip then). */
export interface NetworkProfileFacts {
  readonly profilePresent: boolean;
  readonly plugin?: string;
  readonly mode?: string;
  readonly policy?: string;
  readonly dataPlane?: string;
  readonly podCidrSet?: boolean;
  readonly networkModeSet?: boolean;
  /** Any node pool of the cluster sets pod_subnet_id. */
  readonly anyPodSubnet?: boolean;
}

export interface NetworkCombinationRule {
  /** Trigger number in AKS-NET-001. */
  readonly trigger: number;
  readonly id: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** Provider wording where the doc quotes it. */
  readonly providerText?: string;
  readonly violated: (f: NetworkProfileFacts) => boolean;
}

function effectivePlugin(f: NetworkProfileFacts): string | undefined {
  return f.plugin ?? (f.profilePresent ? undefined : NETWORK_PROFILE_DEFAULTS.pluginWithoutProfile);
}

export const NETWORK_COMBINATION_RULES: readonly NetworkCombinationRule[] = [
  {
    trigger: 1, id: 'pod-cidr-needs-overlay', severity: 'error',
    message: 'pod_cidr can only be used with kubenet or Azure CNI Overlay.',
    providerText: '`pod_cidr` and `azure` cannot be set together unless specifying `network_plugin_mode` to `overlay`',
    violated: (f) => f.podCidrSet === true && f.plugin === 'azure' && f.mode !== 'overlay',
  },
  {
    trigger: 2, id: 'azure-policy-needs-azure-plugin', severity: 'error',
    message: 'Azure Network Policy Manager requires network_plugin = "azure".',
    providerText: 'When `network_policy` is set to `azure`, the `network_plugin` field can only be set to `azure`.',
    violated: (f) => f.policy === 'azure' && f.plugin === 'kubenet',
  },
  {
    trigger: 3, id: 'cilium-policy-needs-cilium-dataplane', severity: 'error',
    message: 'network_policy = "cilium" requires network_data_plane = "cilium".',
    providerText: 'When `network_policy` is set to `cilium`, the `network_data_plane` field must be set to `cilium`.',
    violated: (f) => f.policy === 'cilium' && f.dataPlane !== 'cilium',
  },
  {
    trigger: 4, id: 'cilium-dataplane-needs-overlay-or-pod-subnet', severity: 'error',
    message: 'network_data_plane = "cilium" requires network_plugin_mode = "overlay" or a pod_subnet_id.',
    providerText: 'When `network_data_plane` is set to `cilium`, one of either `network_plugin_mode = "overlay"` or `pod_subnet_id` must be specified.',
    violated: (f) => f.dataPlane === 'cilium' && f.mode !== 'overlay' && f.anyPodSubnet !== true,
  },
  {
    trigger: 5, id: 'overlay-needs-azure-plugin', severity: 'error',
    message: 'network_plugin_mode = "overlay" requires network_plugin = "azure".',
    violated: (f) => f.mode === 'overlay' && f.plugin !== undefined && f.plugin !== 'azure',
  },
  {
    trigger: 6, id: 'network-mode-needs-azure-plugin', severity: 'error',
    message: 'network_mode cannot be set if network_plugin is not azure.',
    providerText: '`network_mode` cannot be set if `network_plugin` is not `azure`',
    violated: (f) => f.networkModeSet === true && f.plugin !== undefined && f.plugin !== 'azure',
  },
  {
    trigger: 7, id: 'kubenet-retiring', severity: 'warning',
    message: 'kubenet is retired on 2028-03-31; use Azure CNI Overlay.',
    violated: (f) => effectivePlugin(f) === 'kubenet',
  },
  {
    trigger: 8, id: 'azure-npm-retiring', severity: 'warning',
    message: 'Azure NPM support ends 2026-09-30 on Windows nodes and 2028-09-30 on Linux nodes; migrate to Cilium network policy.',
    violated: (f) => f.policy === 'azure',
  },
  {
    trigger: 9, id: 'value-casing', severity: 'error',
    message: 'network_profile values are case-sensitive (e.g. "azure", "overlay").',
    violated: (f) =>
      [['network_plugin', f.plugin], ['network_plugin_mode', f.mode], ['network_policy', f.policy], ['network_data_plane', f.dataPlane]].some(
        ([field, v]) => v !== undefined && caseOnlyMismatch(field as NetworkProfileField, v) !== undefined,
      ),
  },
];

/** The canonical value when `value` differs from an allowed value only by case ("Azure" -> "azure"). */
export function caseOnlyMismatch(field: NetworkProfileField, value: string): string | undefined {
  const allowed: readonly string[] = NETWORK_PROFILE_VALUES[field];
  if (allowed.includes(value)) return undefined;
  return allowed.find((a) => a.toLowerCase() === value.toLowerCase());
}

export function isAllowedNetworkValue(field: NetworkProfileField, value: string): boolean {
  return (NETWORK_PROFILE_VALUES[field] as readonly string[]).includes(value);
}

/** Every AKS-NET-001 combination rule the facts violate, in trigger order. */
export function networkCombinationViolations(facts: NetworkProfileFacts): NetworkCombinationRule[] {
  return NETWORK_COMBINATION_RULES.filter((r) => r.violated(facts));
}

export const NETWORK_PLUGIN_SOURCES = [
  'hashicorp/terraform-provider-azurerm website/docs/r/kubernetes_cluster.html.markdown (v4.81.0 / v5.2.0)',
  'internal/services/containers/kubernetes_cluster_resource.go, kubernetes_cluster_validate.go',
] as const;
