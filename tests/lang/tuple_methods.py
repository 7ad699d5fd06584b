# tuple methods, hashing, concatenation and comparisons.
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t.index(2, 2), t[1:3], t[::-1], t + (4,), t * 2, len(t), 2 in t)
print(tuple(), tuple("ab"), tuple([1, 2]), (1,), hash((1, 2)) == hash((1, 2)), hash(()), hash((1, "a", 2.5)))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1, (2, 3)) > (1, (2, 2)), () < (0,))
for c in (lambda: t.index(9), lambda: t[10], lambda: t["a"], lambda: t + [1], lambda: hash((1, [])), lambda: tuple(1)):
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
