def trace(x):
    print("annotation evaluated:", x)
    return x

def f(a: trace("a"), /, b: trace("b") = 1, *args: trace("args"), c: trace("c"), **kw: trace("kw")) -> trace("ret"):
    local: trace("never: local annotations are not evaluated") = 5
    return local
print(f.__annotations__)
print(f(1, c=2))

def plain(x, y=2):
    pass
print(plain.__annotations__)
plain.__annotations__ = {"x": "set"}
print(plain.__annotations__)

count: int = 0
label: str
print(__annotations__)
try:
    label
except NameError as e:
    print("NameError:", e)

class Point:
    x: int
    y: int = 0
    z: trace("class annotation") = "z"
    if True:
        nested: "in if" = 1
print(Point.__annotations__, Point.y, hasattr(Point, "x"))

class NoAnnotations:
    pass
print("__annotations__" in NoAnnotations.__dict__)

class Obj: pass
o = Obj()
o.attr: trace("attribute target annotation") = 3
print(o.attr)
d = {}
d["k"]: int = 4
print(d)

def forward_ref(x: "LaterClass") -> "LaterClass":
    return x
print(forward_ref.__annotations__)
try:
    def broken(x: UndefinedName):
        pass
except NameError as e:
    print("NameError:", e)
lam = lambda x: x
print(lam.__annotations__)
