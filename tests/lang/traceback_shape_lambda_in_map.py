values = list(map(lambda v: 10 / v, [1, 0]))
