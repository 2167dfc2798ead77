// Retirement and deprecation dates as stated in the snapshots (aks-rules.md §2.9).

export interface Retirement {
  readonly id: string;
  readonly item: string;
  /** ISO date, or year-month when the source gives only a month. Absent for version-based retirements. */
  readonly date?: string;
  /** Kubernetes version from which the item no longer applies, when the retirement is version-based. */
  readonly kubernetesVersion?: string;
  /** Status in the source's words. */
  readonly status: string;
  /** What to use instead. */
  readonly replacement?: string;
  readonly source: string;
}

export const RETIREMENTS: readonly Retirement[] = [
  {
    id: 'aad-pod-identity', item: 'AAD pod-managed identity (open source)', date: '2022-10-24',
    status: 'deprecated 2022-10-24; project archived Sept 2023; AKS add-on "patched and supported through September 2025" (older doc text: "The AKS Managed add-on begins deprecation in Sept. 2024")',
    replacement: 'Microsoft Entra Workload ID',
    source: 'articles/aks/use-azure-ad-pod-identity.md (ms.date 12/16/2025); old articles/aks/use-managed-identity.md',
  },
  { id: 'aad-pod-identity-archived', item: 'AAD pod-managed identity project archived', date: '2023-09', status: 'project archived Sept 2023', replacement: 'Microsoft Entra Workload ID', source: 'articles/aks/use-azure-ad-pod-identity.md' },
  { id: 'aad-pod-identity-addon', item: 'AAD pod-managed identity AKS add-on', date: '2025-09', status: 'patched and supported through September 2025', replacement: 'Microsoft Entra Workload ID', source: 'articles/aks/use-azure-ad-pod-identity.md' },
  {
    id: 'kubenet', item: 'kubenet', date: '2028-03-31', status: '"Starting on March 31, 2028, AKS no longer supports kubenet networking"',
    replacement: 'Azure CNI Overlay', source: 'articles/aks/includes/kubenet-retirement.md (Azure/AKS#4859)',
  },
  { id: 'azure-npm-windows', item: 'Azure Network Policy Manager (network_policy = "azure") on Windows nodes', date: '2026-09-30', status: 'support ends', replacement: 'Cilium network policy', source: 'articles/aks/includes/azure-network-policy-manager-windows-retirement.md' },
  { id: 'azure-npm-linux', item: 'Azure Network Policy Manager (network_policy = "azure") on Linux nodes', date: '2028-09-30', status: 'support ends', replacement: 'Cilium network policy', source: 'articles/aks/includes/azure-network-policy-manager-linux-retirement.md' },
  {
    id: 'container-insights-legacy-auth', item: 'Container Insights legacy auth (Monitoring Metrics Publisher)', date: '2026-09-30', status: '"retires on September 30, 2026"',
    replacement: 'MSI auth (msi_auth_for_monitoring_enabled = true), which uses the cluster identity', source: 'articles/aks/managed-identity-overview.md',
  },
  { id: 'app-routing-nginx', item: 'App routing add-on NGINX', date: '2026-11', status: 'security patches "through November 2026"', replacement: 'Application Routing Gateway API', source: 'articles/aks/managed-identity-overview.md' },
  {
    id: 'legacy-sa-token-secrets', item: 'Legacy ServiceAccount token Secrets (auto-generation)', kubernetesVersion: '1.24',
    status: 'LegacyServiceAccountTokenNoAutoGeneration beta/on in Kubernetes 1.24, GA 1.26',
    replacement: 'kubernetes_token_request_v1, or an explicit kubernetes.io/service-account-token Secret', source: 'kubernetes/enhancements#2799, kubernetes/kubernetes#108309',
  },
  { id: 'windows2019-os-sku', item: 'Windows2019 os_sku', kubernetesVersion: '1.33', status: '"deprecated and not supported for Kubernetes version ≥1.33"', source: 'azurerm kubernetes_cluster.html.markdown v4.81.0' },
];

export function retirement(id: string): Retirement | undefined {
  return RETIREMENTS.find((r) => r.id === id);
}

/** True when `today` (YYYY-MM-DD) is on or after the retirement date; a year-month date counts from the month's end. */
export function isPastRetirement(r: Retirement, today: string): boolean | undefined {
  if (!r.date) return undefined;
  const effective = r.date.length === 7 ? lastDayOfMonth(r.date) : r.date;
  return today >= effective;
}

function lastDayOfMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${yearMonth}-${String(day).padStart(2, '0')}`;
}
