class D:
    def __get__(self, obj, cls):
        return ("get", obj is None, cls.__name__)
    def __set__(self, obj, v):
        print("set", v)
class A:
    d = D()
    @property
    def p(self):
        return "prop"
a = A()
print(a.d, A.d)
a.d = 1
A.d = "replaced on class"
print(a.d, A.d)
A.p = "plain now"
print(a.p)
class B(A):
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm():
        return "static"
print(B.cm(), B().cm(), B.sm(), B().sm())
print(B.__dict__["cm"].__func__(B), type(B.__dict__["sm"]).__name__)
cm = classmethod(lambda cls: cls.__name__)
class C:
    f = cm
print(C.f(), C().f())
class E:
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
e = E()
e.x = 5
print(e.x, E.x.fget(e), E.x.fset is not None, E.x.fdel)
p = property(lambda self: 42)
class F:
    answer = p
print(F().answer)
class G:
    def __init__(self):
        self.__dict__["x"] = "from dict"
    x = property(lambda self: "property wins")
print(G().x)
class H:
    x = "class"
    def __getattribute__(self, name):
        if name == "x":
            return "intercepted"
        return object.__getattribute__(self, name)
h = H()
print(h.x, H.x)
class Desc2:
    def __set_name__(self, owner, name):
        self.public = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Person:
    name = Desc2()
    age = Desc2()
pp = Person()
pp.name = "Ann"
print(pp.name, pp.age, vars(pp), Person.name.public)
