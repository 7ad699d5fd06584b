class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
T = type("T", (Base,), {"attr": Named()})
print(T.__qualname__, T.__module__)
K = type("K", (Base,), {}, flavor="spicy")
class WithNew:
    pass
W = type("W", (), {"__new__": lambda cls: "made by __new__", "__class_getitem__": lambda cls, item: f"{cls.__name__}[{item}]"})
print(W(), W[int])
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("refused")
try:
    type("X", (), {"b": Bad()})
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
try:
    class Y:
        b = Bad()
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
class Z:
    b = Bad()
