a = "café 😀 x"
ünï = 1
résumé = "😀${x}😀"
