pairs = [(1, 2, 3)]
out = [a for a, b in pairs]
