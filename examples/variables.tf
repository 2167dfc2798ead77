variable "prefix" {
  type        = string
  description = "Name prefix for every resource."
}

variable "location" {
  type        = string
  description = "Azure region."
  default     = "westeurope"
}

variable "kubernetes_version" {
  type        = string
  description = "AKS control-plane version."
  default     = "1.30"
}

variable "node_count" {
  type        = number
  description = "Nodes in the system pool."
  default     = 3
}
