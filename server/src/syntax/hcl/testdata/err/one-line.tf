a { b = "foo", c = "bar" }
a { b = "foo"
}
a { d {} }
x = 1 y = 2
x = 3
}
