class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev, tb is not None)
        return et is not None and issubclass(et, self.types)

with Suppress(KeyError) as s:
    print("body", type(s).__name__)
    {}["k"]
    print("not reached")
print("after suppress")

try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("propagated:", e)

def in_function():
    for i in range(3):
        with Suppress(ValueError):
            if i == 1:
                continue
            if i == 2:
                return "returned"
            print("loop", i)
print(in_function())

class Tracker:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False

with Tracker("a") as a, Tracker("b") as b:
    print("inside", a, b)

try:
    with Tracker("outer"), Tracker("inner"):
        raise RuntimeError("x")
except RuntimeError:
    print("caught")

class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise ValueError("from exit")
try:
    with ExitRaises():
        raise KeyError("body")
except ValueError as e:
    print("ValueError:", e, "context:", repr(e.__context__))

class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print("TypeError:", e)

class managed:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print("setup", self.tag)
        return self.tag.upper()
    def __exit__(self, et, ev, tb):
        print("teardown", self.tag, "handled" if et is KeyError else "")
        return et is KeyError

with managed("x") as v:
    print("got", v)
with managed("y"):
    raise KeyError("inside")
print("end")
