# dict methods and their errors.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("x"), d.get("x", 0), d.setdefault("c", 3), d.setdefault("a", 9), d)
print(d.pop("c"), d.pop("zz", "dflt"), d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d)
c = d.copy(); c.clear(); print(c, d, len(d), "x" in d, "q" not in d)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), {1: 2} | {3: 4}, {1: 2, 3: 4} == {3: 4, 1: 2})
e = {"k": 1}; e |= {"k": 2, "n": 3}; print(e, list(reversed(e)), {} == {}, {1: 1} != {1: 2})
print(repr({}), {"s": "q", 1: [1, 2]}, {(1, 2): None})
for f in (lambda: d["missing"], lambda: d.pop("missing"), lambda: {}.popitem(), lambda: d.get(), lambda: {[]: 1},
          lambda: dict(1), lambda: dict([(1, 2, 3)]), lambda: dict([1]), lambda: dict({}, {}), lambda: d.update(1, 2)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
