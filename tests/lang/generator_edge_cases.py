def gen():
    yield 1
    yield 2

g = gen()
print(next(g), g.gi_running, g.gi_yieldfrom)

def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

def finally_yields():
    try:
        yield 1
    finally:
        yield "from finally"
g = finally_yields()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def return_in_finally():
    try:
        yield 1
    finally:
        return "swallowed"
g = return_in_finally()
next(g)
g.close()
print("close swallowed by return")
try:
    next(g)
except StopIteration as e:
    print("exhausted", e.value)

def delegating():
    yield from inner()
def inner():
    yield "a"
    yield "b"
d = delegating()
next(d)
print(type(d.gi_yieldfrom).__name__)

def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1
c = counter()
print(next(c), c.send(None), c.send(None), c.send("reset"), next(c))

def throw_type_only():
    try:
        yield
    except ValueError as e:
        yield repr(e)
g = throw_type_only()
next(g)
print(g.throw(ValueError))
g = throw_type_only()
next(g)
print(g.throw(ValueError("with message")))

def yield_expression_values():
    x = yield
    y = yield x * 2
    return x + y
g = yield_expression_values()
next(g)
print(g.send(5))
try:
    g.send(10)
except StopIteration as e:
    print("return value", e.value)

gen_exp = (i * i for i in range(3))
print(list(gen_exp), list(gen_exp))
def gen_with_return_value_in_for():
    yield 1
    return "ignored by for"
print([x for x in gen_with_return_value_in_for()])
print(list(zip(gen(), "xyz")))
