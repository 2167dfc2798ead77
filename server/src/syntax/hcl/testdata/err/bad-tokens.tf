a = @
b = "unterminated
c = [1, 2
d = "\q"
e = <<EOT
never closed
