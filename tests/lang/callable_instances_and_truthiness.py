class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, times=1):
        return (x + self.n) * times

add5 = Adder(5)
print(add5(1), add5(1, times=3), callable(add5), callable(Adder), callable(3))
try:
    add5()
except TypeError as e:
    print("TypeError:", e)
try:
    Adder(1)(1, 2)
except TypeError as e:
    print("TypeError:", e)

class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)

class B:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool called")
        return self.v

class L:
    def __init__(self, n): self.n = n
    def __len__(self):
        print("len called")
        return self.n

print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)))
print("yes" if L(2) else "no")
print(not B(False))
print(B(True) and "and-result")
class Neither: pass
print(bool(Neither()))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class NegLen:
    def __len__(self): return -1
try:
    bool(NegLen())
except ValueError as e:
    print("ValueError:", e)
class BothDefined:
    def __bool__(self): return False
    def __len__(self): return 10
print(bool(BothDefined()))
while L(0):
    print("never")
print([x for x in [L(0), L(1)] if x].__len__())
