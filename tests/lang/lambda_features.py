add = lambda a, b=2, *args, c=3, **kw: (a, b, args, c, kw)
print(add(1))
print(add(1, 5, 6, 7, c=0, z=9))
print((lambda: "immediate")())
print(add.__name__, add.__qualname__)
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
rec = lambda n: 1 if n <= 1 else n * rec(n - 1)
print(rec(5))
print((lambda *, k: k)(k="kw"))
print((lambda x: (yield x))(1).__class__.__name__)
def outer():
    y = 5
    return lambda: y
print(outer()())
print(type(lambda: 0).__name__)
try:
    (lambda x: x)()
except TypeError as e:
    print("TypeError:", e)
