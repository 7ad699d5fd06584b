class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class D(B, C):
    def who(self): return "D>" + super().who()

print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])

class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
try:
    class Bad(Z, W): pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Dup(X, X): pass
except TypeError as e:
    print("TypeError:", e)

class O: pass
class F(O): pass
class E(O): pass
class K1(F, E): pass
print([k.__name__ for k in K1.__mro__])
print(D.__bases__ == (B, C), D.__base__ is B)
