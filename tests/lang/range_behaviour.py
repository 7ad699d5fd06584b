# range objects: repr, length, indexing, slicing, membership, equality and errors.
r = range(0, 20, 3)
print(r, range(5), range(2, 10), range(10, 0, -2), len(r), r[2], r[-1], r[1:4], r[::-1], r[::2])
print(list(r), 9 in r, 10 in r, r.index(9), r.count(9), r.start, r.stop, r.step)
print(list(range(5, 0, -1)), list(reversed(range(4))), list(range(0)), bool(range(0)), bool(range(1)))
print(range(0, 3) == range(0, 3, 1), range(0) == range(5, 1), range(1, 2, 5) == range(1, 3, 7), hash(range(3)) == hash(range(0, 3)))
print(sum(range(101)), max(range(7)), list(range(-3, 3)))
for c in (lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(), lambda: r[100], lambda: r.index(4), lambda: r["a"]):
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
