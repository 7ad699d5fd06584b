class V:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f"V{self.c}"
    def __add__(self, o):
        if isinstance(o, V): return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, int): return V(*(a + o for a in self.c))
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __mul__(self, k): return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __neg__(self): return V(*(-a for a in self.c))
    def __pos__(self): return self
    def __abs__(self): return sum(a * a for a in self.c)
    def __invert__(self): return V(*reversed(self.c))
    def __sub__(self, o): return self + (-o)
    def __rsub__(self, o): return (-self) + o
    def __truediv__(self, k): return V(*(a / k for a in self.c))
    def __floordiv__(self, k): return V(*(a // k for a in self.c))
    def __mod__(self, k): return V(*(a % k for a in self.c))
    def __pow__(self, k): return V(*(a ** k for a in self.c))
    def __rpow__(self, b): return [b ** a for a in self.c]
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __lshift__(self, n): return V(*(self.c[n:] + self.c[:n]))
    def __and__(self, o): return "and"
    def __ror__(self, o): return "ror"
    def __xor__(self, o): return "xor"
    def __rrshift__(self, o): return "rrshift"

a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a * 3, 3 * a)
print(-a, +a, abs(b), ~b, a - b, 10 - a)
print(b / 2, b // 2, b % 2, a ** 2, 2 ** a, a @ b, V(1, 2, 3) << 1)
print(a & 1, 1 | a, a ^ 0, 1 >> a)
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)

class Sub(V):
    def __radd__(self, o):
        return "Sub.radd wins"
print(V(1) + Sub(2))
