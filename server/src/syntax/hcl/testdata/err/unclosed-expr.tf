locals {
  m = {
    a = 1
  l = [for x in y : x
  t = "${x"
  f = f(1, 2
}

output "o" {
  value = 1
}
