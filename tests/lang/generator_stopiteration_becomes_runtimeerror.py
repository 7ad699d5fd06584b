def leaky():
    yield 1
    next(iter([]))
    yield 2

g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__)

def explicit():
    yield 1
    raise StopIteration("x")
try:
    list(explicit())
except RuntimeError as e:
    print("RuntimeError:", e)

def in_genexp_source():
    it = iter([1, 2])
    return list(next(it) for _ in range(5))
try:
    print(in_genexp_source())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

def propagate():
    yield 1
    raise StopIteration
try:
    list(propagate())
except RuntimeError as e:
    print("RuntimeError:", e, "cause:", repr(e.__cause__), "suppress:", e.__suppress_context__)
