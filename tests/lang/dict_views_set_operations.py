# keys/items views: set operators return sets, views are live and compare like sets.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i)
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, k ^ {"a", "q"}, {"b", "x"} & k, {"y"} | k)
print(sorted(i & {("a", 1), ("b", 9)}), sorted(i - {("a", 1)}), k == {"a", "b", "c"}, k <= {"a", "b", "c", "d"})
d["d"] = 4
print(k, list(reversed(k)), list(reversed(v)), list(reversed(i)))
e = {"a": 1, "b": 5}
print(sorted(d.items() ^ e.items()), d.keys().isdisjoint({"q"}), d.keys().isdisjoint(["a"]))
print(sorted(d.keys() & e.keys()), sorted(e.keys() | d.keys()))
