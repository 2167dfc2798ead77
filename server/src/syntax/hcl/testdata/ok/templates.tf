a = "plain"
b = "esc \n \t \" \\ \u00e9 \U0001F600 $${lit} %%{lit}"
c = "x${var.a}y${ "in${"ner"}" }z"
d = "%{ if var.on }on%{ else }off%{ endif }"
e = "%{~ for i, v in var.l ~}${i}=${v},%{ endfor ~}"
f = <<EOT
raw ${var.x} line
  %{ for x in l }${x}%{ endfor }
EOT
g = <<-EOT
    indented
      more
    ${var.y}
  EOT
h = ""
