def source():
    for i in range(3):
        print("producing", i)
        yield i

g = (x * 10 for x in source())
print("created")
print(next(g))
print(list(g))
print(list(g))

def firsteval():
    print("first iterable evaluated")
    return [1, 2]
h = (x for x in firsteval())
print("generator made")
print(sum(h))

try:
    (1 / 0 for x in range(2))
    print("no error yet")
    gen = (1 / x for x in [1, 0])
    print(next(gen))
    next(gen)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)

print(sum(x * x for x in range(5)))
print(max((len(w), w) for w in ["a", "bbb", "cc"]))
gg = (i for i in range(3))
print(gg.__name__, gg.__qualname__, iter(gg) is gg)
def f():
    return (i for i in range(1))
print(f().__qualname__)
