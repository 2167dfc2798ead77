resource "azurerm_resource_group" "rg" {
  name = "rg"

resource "azurerm_kubernetes_cluster" "aks" {
  name = "aks"
}

output "id" {
  value = azurerm_kubernetes_cluster.aks.id
}
