class Box:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        print("get v")
        return self._v
    @v.setter
    def v(self, x):
        print("set v", x)
        self._v = x

b = Box()
b.v += 10
print(b._v)

class Store(dict):
    def __getitem__(self, k):
        print("getitem", k)
        return super().__getitem__(k)
    def __setitem__(self, k, val):
        print("setitem", k, val)
        super().__setitem__(k, val)

s = Store(a=1)
s["a"] *= 5
print(dict(s))

def key():
    print("key evaluated")
    return "a"
def target():
    print("target evaluated")
    return s
target()[key()] -= 1
print(dict(s))

lst = [[1], [2]]
lst[0] += [3]
print(lst)
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
counts = {}
for ch in "abca":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
try:
    counts["zz"] += 1
except KeyError as e:
    print("KeyError:", e)
class Plain: pass
p = Plain()
try:
    p.missing += 1
except AttributeError as e:
    print("AttributeError:", e)
