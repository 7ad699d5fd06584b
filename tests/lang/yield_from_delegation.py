def inner():
    try:
        x = yield "inner-1"
        print("inner got", x)
        y = yield "inner-2"
        print("inner got", y)
    except KeyError as e:
        print("inner caught", repr(e))
        yield "inner-recovered"
    finally:
        print("inner finally")
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-end"

g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(list(g))

g = outer()
next(g)
print(g.throw(KeyError("k")))
print(next(g))

g = outer()
next(g)
g.close()
print("closed")

def delegate_to_list():
    yield from [1, 2]
    r = yield from range(3, 5)
    print("range result", r)
print(list(delegate_to_list()))

def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", (1, 2), {3: 0})))

def gen_returning():
    return 5
    yield
def uses():
    v = yield from gen_returning()
    yield v * 2
print(list(uses()))

def recursive(n):
    if n:
        yield n
        yield from recursive(n - 1)
print(list(recursive(4)))

def inner_close():
    try:
        yield 1
    except GeneratorExit:
        print("inner got GeneratorExit")
        raise
def outer_close():
    try:
        yield from inner_close()
    finally:
        print("outer finally")
g = outer_close()
next(g)
g.close()

class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("custom result")
        return self.n
def from_custom():
    r = yield from It()
    print("custom iterator returned", r)
print(list(from_custom()))
