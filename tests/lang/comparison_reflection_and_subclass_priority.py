class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print(f"A.__eq__({self.v}, {getattr(o, 'v', o)})")
        return NotImplemented
    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented
    def __gt__(self, o):
        print("A.__gt__")
        return self.v > o.v

class B(A):
    def __eq__(self, o):
        print(f"B.__eq__({self.v}, {getattr(o, 'v', o)})")
        return self.v == o.v
    def __gt__(self, o):
        print("B.__gt__")
        return self.v > o.v

a, b = A(1), B(1)
print(a == b)
print(b == a)
print(a != b)
print(A(1) == A(1))
print(A(2) < A(1))
print(a == 5)
print(5 == a)
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"L{self.v}"
print(OnlyLt(1) < OnlyLt(2), OnlyLt(3) > OnlyLt(2))
print(sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)]))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
class Ne:
    def __ne__(self, o): return "custom ne"
print(Ne() != 1, Ne() == 1)
