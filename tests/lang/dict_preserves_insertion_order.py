# dicts keep insertion order through updates, deletions and re-insertions.
d = {}
for k in ["z", "a", "m", 3, 1.5, (1, 2)]:
    d[k] = len(d)
print(d)
d["a"] = "updated"
del d["z"]
d["z"] = "back"
print(d, list(d), list(d.values()), list(d.items()))
big = {i: i * i for i in range(100)}
for i in range(0, 100, 3):
    del big[i]
big[0] = "new"
print(list(big)[:10], list(big)[-3:], len(big))
print(dict(zip("abc", range(3))), dict(a=1, b=2), dict([("x", 1), ("y", 2)], z=3), dict({"k": "v"}, k="w"))
