locals {
  nums    = [0, 1.5, 2e3, 4.5E-2, -7]
  bools   = [true, false, null]
  ops     = !a || b && c == d != e < f <= g > h >= i + j - k * l / m % n
  cond    = a ? b : c ? d : e
  paren   = (1 + 2) * 3
  obj     = { a = 1, "b" : 2, (var.k) = 3
    d = [
      1,
      2,
    ]
  }
  calls   = merge(local.a, { x = 1 }, concat(var.l...))
  pf      = provider::azurerm::normalise_resource_id(var.id)
  trav    = a.b[0].c["k"]
  legacy  = aws_instance.web.0.id
  splat1  = aws_instance.web.*.id
  splat2  = aws_instance.web[*].tags["Name"]
  fortup  = [for s in var.list : upper(s) if s != ""]
  forobj  = { for k, v in var.map : k => v... if v != null }
  nested  = [[1, [2]], { a = { b = {} } }]
}
