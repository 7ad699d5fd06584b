class D:
    def __init__(self):
        self.a = 1

d = D()
d.__dict__["b"] = 2
print(d.b, d.__dict__)
d.__dict__ = {"c": 3}
print(d.c, hasattr(d, "a"))
try:
    d.__dict__ = [1]
except TypeError as e:
    print("TypeError:", e)
vars(d)["e"] = 5
print(d.e, sorted(vars(d)))
def f():
    pass
f.__dict__ = {"tag": "function attrs"}
print(f.tag)
print(None.__bool__(), bool(None), not None)
class Slotted:
    __slots__ = ("x",)
try:
    Slotted().__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
