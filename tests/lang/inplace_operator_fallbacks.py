class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        print("iadd", x)
        self.items.append(x)
        return self
    def __repr__(self): return f"Acc{self.items}"

a = Acc()
alias = a
a += 1
a += 2
print(a, a is alias)

class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        print("add used")
        return OnlyAdd(self.v + o)
o = OnlyAdd(1)
keep = o
o += 5
print(o.v, keep.v, o is keep)

class ReturnsNone:
    def __imul__(self, o):
        pass
r = ReturnsNone()
r *= 3
print(r)

lst = [1]
alias = lst
lst += (2, 3)
print(lst, alias is lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
try:
    lst = [1]
    lst -= [1]
except TypeError as e:
    print("TypeError:", e)
try:
    x = None
    x += 1
except TypeError as e:
    print("TypeError:", e)
n = 7
n //= 2; print(n)
n **= 3; print(n)
n %= 5; print(n)
n <<= 4; print(n)
n >>= 1; print(n)
n |= 1; print(n)
n &= 6; print(n)
n ^= 15; print(n)
f = 1.5
f /= 2; print(f)
s = "ab"
s *= 3; print(s)
