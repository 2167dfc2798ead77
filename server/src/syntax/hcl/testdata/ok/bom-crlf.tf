a = 1
b {
  c = "x"
}
h = <<-EOT
    one
    ${x}
  EOT
