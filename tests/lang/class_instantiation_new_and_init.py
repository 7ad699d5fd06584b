class Tracked:
    def __new__(cls, *args, **kwargs):
        print("new", cls.__name__, args, kwargs)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v, *, flag=False):
        print("init", v, flag)
        self.v = v

t = Tracked(1, flag=True)
print(t.created, t.v)

class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(ReturnsOther())

class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print("TypeError:", e)

class NoInit: pass
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)

class OnlyInit:
    def __init__(self): pass
try:
    OnlyInit(1)
except TypeError as e:
    print("TypeError:", e)

class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())

class Base:
    def __init__(self, x):
        self.x = x
class Derived(Base):
    pass
print(Derived(3).x)
try:
    Derived()
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(1)
except TypeError as e:
    print("TypeError:", e)
print(type(object()).__name__)
class IntLike(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(IntLike(4), type(IntLike(4)).__name__)
