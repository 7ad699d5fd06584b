# slice objects: attributes, indices() and use as subscripts.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(10), slice(2, -2).indices(7))
print("abcdefgh"[s], [0, 1, 2, 3, 4, 5][slice(None, None, -2)], slice(1, 2) == slice(1, 2))
for c in (lambda: hash(slice(1)), lambda: slice(1, 2, 0).indices(3), lambda: slice(1).indices(-1), lambda: slice()):
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
