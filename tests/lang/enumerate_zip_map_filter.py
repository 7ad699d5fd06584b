# enumerate, zip, map and filter are lazy iterators with CPython's semantics.
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate("a", start=-1)), list(enumerate([], 2**70)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(list(map(str.upper, ["a", "b"])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(abs, [])))
print(list(filter(None, [0, 1, "", "x", None, []])), list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 2])))
it = enumerate("xy")
print(next(it), next(it), type(it).__name__, iter(it) is it)
m = map(int, ["1", "2"])
print(next(m), list(m), list(m))
z = zip(iter([1, 2, 3]), iter([4]))
print(list(z))
for f in (lambda: map(abs), lambda: filter(None), lambda: enumerate(), lambda: zip(1), lambda: enumerate([], "x")):
    try:
        f()
    except TypeError as e:
        print(e)
