class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
print(Point.__slots__)

class Sub(Point):
    pass
s = Sub(1, 2)
s.extra = "subclass without slots has a dict"
print(s.extra, s.__dict__)

class Single:
    __slots__ = "only"
s = Single()
s.only = 1
print(s.only)
try:
    Single().only
except AttributeError as e:
    print("AttributeError:", e)
