rows = [[1], [2]]
s = {r for r in rows}
