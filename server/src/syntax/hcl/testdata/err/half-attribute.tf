resource "a" "b" {
  name =
  other = 1
}

resource "c" "d" {
  x = 2
}
