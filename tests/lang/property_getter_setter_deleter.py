class Temperature:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        """Degrees Celsius."""
        print("get")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set", v)
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("delete")
        self._c = None

t = Temperature()
t.celsius = 25
print(t.celsius)
del t.celsius
print(t._c)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
print(Temperature.celsius.__doc__)
print(type(Temperature.celsius).__name__)

class ReadOnly:
    @property
    def x(self):
        return 1
r = ReadOnly()
try:
    r.x = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.x
except AttributeError as e:
    print("AttributeError:", e)

class Old:
    def getx(self): return self._x
    def setx(self, v): self._x = v * 10
    x = property(getx, setx, doc="old style")
o = Old(); o.x = 4
print(o.x, Old.x.__doc__)

class Sub(Temperature):
    @Temperature.celsius.getter
    def celsius(self):
        return "sub:" + str(self._c)
s = Sub()
s.celsius = 5
print(s.celsius)

class Raises:
    @property
    def bad(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return "fallback for " + name
print(Raises().bad)
