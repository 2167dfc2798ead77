# hash comment
// slash comment
/* block
   comment */
terraform {
  required_version = ">= 1.5"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name     = "aks-${var.env}"
  location = azurerm_resource_group.rg.location
  dynamic "node_pool" {
    for_each = var.pools
    content { name = node_pool.value.name }
  }
  empty {}
}

locals label_bare {
  a = 1
}
