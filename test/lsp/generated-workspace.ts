// Generated AKS-shaped Terraform and Kubernetes YAML for the latency and memory benchmarks (and their smoke test).
// Deterministic: the same arguments always give the same text.

/**
 * `lines` lines of valid Terraform: clusters with node pools, identities, role assignments and networks. Whole units
 * only (a block cut off at the end would be a syntax error the benchmarks re-parse around on every edit), then
 * comment lines up to `lines`.
 */
export function generateTerraform(lines: number, seed = 0): string {
  const out: string[] = [];
  for (let i = 0; ; i++) {
    const n = `${seed}_${i}`;
    const unit = [
      `resource "azurerm_virtual_network" "vnet_${n}" {`,
      `  name                = "vnet-${n}"`,
      `  location            = "westeurope"`,
      `  resource_group_name = "rg-${n}"`,
      `  address_space       = ["10.${i % 250}.0.0/16"]`,
      `}`,
      ``,
      `resource "azurerm_subnet" "aks_${n}" {`,
      `  name                 = "snet-aks"`,
      `  resource_group_name  = "rg-${n}"`,
      `  virtual_network_name = azurerm_virtual_network.vnet_${n}.name`,
      `  address_prefixes     = ["10.${i % 250}.1.0/24"]`,
      `}`,
      ``,
      `resource "azurerm_user_assigned_identity" "cp_${n}" {`,
      `  name                = "id-aks-${n}"`,
      `  location            = "westeurope"`,
      `  resource_group_name = "rg-${n}"`,
      `}`,
      ``,
      `resource "azurerm_kubernetes_cluster" "aks_${n}" {`,
      `  name                = "aks-${n}"`,
      `  location            = "westeurope"`,
      `  resource_group_name = "rg-${n}"`,
      `  dns_prefix          = "aks${i}"`,
      ``,
      `  default_node_pool {`,
      `    name           = "system"`,
      `    vm_size        = "Standard_D4s_v5"`,
      `    node_count     = ${(i % 5) + 1}`,
      `    vnet_subnet_id = azurerm_subnet.aks_${n}.id`,
      `    zones          = ["1", "2", "3"]`,
      `  }`,
      ``,
      `  identity {`,
      `    type         = "UserAssigned"`,
      `    identity_ids = [azurerm_user_assigned_identity.cp_${n}.id]`,
      `  }`,
      ``,
      `  network_profile {`,
      `    network_plugin = "azure"`,
      `    service_cidr   = "172.16.0.0/16"`,
      `    dns_service_ip = "172.16.0.10"`,
      `  }`,
      `}`,
      ``,
      `resource "azurerm_role_assignment" "net_${n}" {`,
      `  scope                = azurerm_subnet.aks_${n}.id`,
      `  role_definition_name = "Network Contributor"`,
      `  principal_id         = azurerm_user_assigned_identity.cp_${n}.principal_id`,
      `}`,
      ``,
    ];
    if (out.length > 0 && out.length + unit.length > lines) break;
    out.push(...unit);
  }
  while (out.length < lines) out.push(`# generated: ${out.length + 1} of ${lines} lines`);
  return out.slice(0, lines).join('\n') + '\n';
}

/** About `lines` lines of multi-document Kubernetes YAML: Deployments, Services, ServiceAccounts, ConfigMaps. */
export function generateKubernetesYaml(lines: number, seed = 0): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    const n = `app-${seed}-${i}`;
    out.push(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${n}`,
      '  namespace: apps',
      'spec:',
      '  replicas: 2',
      '  selector:',
      '    matchLabels:',
      `      app: ${n}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: ${n}`,
      '        azure.workload.identity/use: "true"',
      '    spec:',
      `      serviceAccountName: ${n}`,
      '      containers:',
      '        - name: web',
      `          image: myregistry.azurecr.io/${n}:1.${i}`,
      '          resources:',
      '            limits:',
      '              cpu: 500m',
      '              memory: 256Mi',
      '---',
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      `  name: ${n}`,
      '  namespace: apps',
      '  annotations:',
      `    azure.workload.identity/client-id: 00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: ${n}`,
      '  namespace: apps',
      'spec:',
      '  selector:',
      `    app: ${n}`,
      '  ports:',
      '    - port: 80',
      '      targetPort: 8080',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}
