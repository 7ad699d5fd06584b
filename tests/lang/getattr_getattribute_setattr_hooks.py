class Lazy:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"{type(self).__name__!r} has nothing called {name!r}")

l = Lazy()
print(l.real, l.auto_thing)
try:
    l.other
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(l, "other", "default"), hasattr(l, "auto_x"))

class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
    def method(self):
        return "method"

g = Logged()
print(g.x)
g.y = 5
print(g.y)
print(g.method())
del g.y
try:
    g.y
except AttributeError as e:
    print("AttributeError:", e)

class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom missing")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
b = Both()
print(b.boom, b.nothing)

class Frozen:
    __slots__ = ()
    def __setattr__(self, n, v):
        raise AttributeError(f"cannot set {n!r}")
try:
    Frozen().a = 1
except AttributeError as e:
    print("AttributeError:", e)

class Obj: pass
o = Obj()
setattr(o, "dyn", 3)
print(o.dyn, o.__dict__)
delattr(o, "dyn")
print(o.__dict__)
