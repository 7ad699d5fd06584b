class A:
    pass
class B:
    def __repr__(self):
        return "B-repr"
class C:
    def __str__(self):
        return "C-str"
print(str(B()), repr(B()), str(C()), f"{B()}", f"{C()!r}"[:10])
print(repr(A), str(A), repr(int), repr(type))
print([B(), B()], (B(),), {"k": B()})
print(A.__name__, A.__qualname__, A.__module__, type(A).__name__)
print(type(A()) is A, A().__class__ is A, isinstance(A(), object))
class D(A):
    "doc of D"
print(D.__doc__, A.__doc__, D.__bases__)
class E:
    def __repr__(self): return 5
try:
    repr(E())
except TypeError as e:
    print("TypeError:", e)
class F:
    def __str__(self): return None
try:
    str(F())
except TypeError as e:
    print("TypeError:", e)
print(repr(print), repr(len))
