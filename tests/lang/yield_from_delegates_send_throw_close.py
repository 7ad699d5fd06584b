def deleg():
    yield from iter([1, 2, 3])
g = deleg()
next(g)
try:
    g.send(5)
except AttributeError as e:
    print("AttributeError:", e)
g = deleg()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)
g = deleg()
next(g)
g.close()
print("closed delegating to list iterator")

class WithThrow:
    def __iter__(self): return self
    def __next__(self): return 1
    def throw(self, *a):
        print("delegate throw called", a[0].__class__.__name__ if not isinstance(a[0], type) else a[0].__name__)
        return "value from throw"
    def close(self):
        print("delegate close called")
def deleg2():
    yield from WithThrow()
g = deleg2()
next(g)
print(g.throw(ValueError("v")))
g.close()

def gen_raise_in_finally():
    try:
        yield 1
    finally:
        raise RuntimeError("finally raised")
g = gen_raise_in_finally()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("close propagated:", e, repr(e.__context__))

def gen_catch_all():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__)
g = gen_catch_all()
next(g)
g.throw(ValueError)
g.throw(KeyError)
g.close()
print("close: GeneratorExit is not an Exception")

def subgen():
    try:
        yield 1
    except GeneratorExit:
        print("subgen closing")
        raise
    finally:
        print("subgen finally")
def outer():
    try:
        yield from subgen()
    except GeneratorExit:
        print("outer sees GeneratorExit")
        raise
g = outer()
next(g)
g.close()

def throw_stopiteration_into():
    yield 1
g = throw_stopiteration_into()
next(g)
try:
    g.throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError:", e)

def value_of_yield_from_exhausted():
    r = yield from ()
    return r
try:
    next(value_of_yield_from_exhausted())
except StopIteration as e:
    print("StopIteration value", e.value)
