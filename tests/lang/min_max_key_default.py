# min/max with positional items, an iterable, key= and default=.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min((x for x in [7, 3, 9])))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len), max([1, 3, 2], key=lambda x: -x))
print(max([], default="empty"), min([], default=None), max([1, 1.0]), max([1.0, 1]), min([(1, "b"), (1, "a")]))
print(max(1, 2, key=None), max([0, -0.0]), min("b", "a", "c"))
for f in (lambda: min([]), lambda: max(), lambda: max(1, 2, default=0), lambda: max(1, "a"), lambda: min("a", 1),
          lambda: max(5), lambda: min([1], bogus=1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
