# A private AKS cluster in its own VNet, pulling images from ACR.
# This workspace contains deliberate mistakes for AKS Lint to find.

resource "azurerm_resource_group" "aks" {
  name     = "rg-${var.prefix}-aks"
  location = var.location
}

resource "azurerm_virtual_network" "aks" {
  name                = "vnet-${var.prefix}"
  location            = azurerm_resource_group.aks.location
  resource_group_name = azurerm_resource_group.aks.name
  address_space       = ["10.10.0.0/16"]
}

resource "azurerm_subnet" "nodes" {
  name                 = "snet-aks-nodes"
  resource_group_name  = azurerm_resource_group.aks.name
  virtual_network_name = azurerm_virtual_network.aks.name
  address_prefixes     = ["10.10.0.0/22"]
}

resource "azurerm_container_registry" "acr" {
  name                = "acrcontosoprod"
  resource_group_name = azurerm_resource_group.aks.name
  location            = azurerm_resource_group.aks.location
  sku                 = "Premium"
}

resource "azurerm_user_assigned_identity" "control_plane" {
  name                = "id-${var.prefix}-aks-control-plane"
  resource_group_name = azurerm_resource_group.aks.name
  location            = azurerm_resource_group.aks.location
}

resource "azurerm_user_assigned_identity" "kubelet" {
  name                = "id-${var.prefix}-aks-kubelet"
  resource_group_name = azurerm_resource_group.aks.name
  location            = azurerm_resource_group.aks.location
}

resource "azurerm_kubernetes_cluster" "aks" {
  name                    = "aks-${var.prefix}"
  location                = azurerm_resource_group.aks.location
  resource_group_name     = azurerm_resource_group.aks.name
  dns_prefix              = "aks-${var.prefix}"
  kubernetes_version      = var.kubernetes_version
  private_cluster_enabled = true
  oidc_issuer_enabled     = true

  workload_identity_enabled = true

  default_node_pool {
    name           = "system"
    vm_size        = "Standard_D4s_v5"
    node_count     = var.node_count
    vnet_subnet_id = azurerm_subnet.nodes.id
    zones          = ["1", "2", "3"]
  }

  # The control plane uses a user-assigned identity, but no kubelet_identity block is set:
  # AKS then creates its own kubelet identity, and the role assignment below targets the wrong one.
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.control_plane.id]
  }

  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }

  network_profile {
    network_plugin    = "azure"
    load_balancer_sku = "standard"
    service_cidr      = "10.20.0.0/16"
    dns_service_ip    = "10.20.0.10"
  }
}

# "ArcPull" is not a role; the built-in role is "AcrPull".
resource "azurerm_role_assignment" "kubelet_acr_pull" {
  scope                = azurerm_container_registry.acr.id
  role_definition_name = "ArcPull"
  principal_id         = azurerm_user_assigned_identity.kubelet.principal_id
}

resource "azurerm_user_assigned_identity" "app" {
  name                = "id-${var.prefix}-orders-api"
  resource_group_name = azurerm_resource_group.aks.name
  location            = azurerm_resource_group.aks.location
}

resource "azurerm_federated_identity_credential" "app" {
  name                = "fic-orders-api"
  resource_group_name = azurerm_resource_group.aks.name
  parent_id           = azurerm_user_assigned_identity.app.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = azurerm_kubernetes_cluster.aks.oidc_issuer_url
  subject             = "system:serviceaccount:orders:orders-api"
}
