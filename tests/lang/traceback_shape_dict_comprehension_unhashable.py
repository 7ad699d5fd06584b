rows = [[1], [2]]
d = {r: 1 for r in rows}
