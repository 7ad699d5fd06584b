# A byte that is not UTF-8 (0xE9, Latin-1 e-acute) in the source: a SyntaxError.
print("café")
