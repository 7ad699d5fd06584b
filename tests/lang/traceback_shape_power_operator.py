base = "x"
result = 2 ** base
