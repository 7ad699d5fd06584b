class Base:
    def __init__(self, v):
        self.v = v
    def describe(self):
        return f"Base({self.v})"
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def helper():
        return "helper"

class Child(Base):
    def __init__(self, v):
        super().__init__(v * 2)
    def describe(self):
        return "Child/" + super().describe()
    @classmethod
    def make(cls, v):
        obj = super().make(v + 1)
        return obj
    def explicit(self):
        return super(Child, self).describe()
    def helper_via_super(self):
        return super().helper()

c = Child(1)
print(c.v, c.describe(), c.explicit(), c.helper_via_super())
m = Child.make(1)
print(type(m).__name__, m.v)

class GrandChild(Child):
    def describe(self):
        return "Grand/" + super(Child, self).describe()
print(GrandChild(5).describe())

s = super(Child, c)
print(s.describe())

def outside(self):
    return super(Child, self).describe()
print(outside(c))

class NoArgs(Base):
    def broken():
        return super().describe()
try:
    NoArgs.broken()
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    super(Child, 5)
except TypeError as e:
    print("TypeError:", e)

class P:
    def f(self): return "P.f"
class Q(P):
    def f(self):
        g = lambda: super(Q, self).f()
        return "Q>" + g()
print(Q().f())
