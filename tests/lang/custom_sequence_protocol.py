class Grid:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        print("getitem", repr(key))
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        return self.data.get(key, 0)
    def __setitem__(self, key, value):
        print("setitem", repr(key), value)
        self.data[key] = value
    def __delitem__(self, key):
        print("delitem", repr(key))
    def __len__(self):
        return len(self.data)

g = Grid()
g[1, 2] = 5
print(g[1, 2], g[0, 0])
print(g[1:2], g[::3], g[:, 1])
g[1:3] = [9]
del g[::2]
del g[5]
print(len(g))
g[...] = "ellipsis"
print(g[...])

class Idx:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(1):Idx(4)], range(10)[Idx(2)], "abcdef"[Idx(-1)])
print([0] * Idx(3), bin(Idx(5)), hex(Idx(255)))
try:
    lst["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    lst[1.0]
except TypeError as e:
    print("TypeError:", e)
pair = (1, 2)
try:
    pair[None]
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self): return "three"
try:
    len(BadLen())
except TypeError as e:
    print("TypeError:", e)
class NoSub: pass
try:
    NoSub()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    NoSub()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del NoSub()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    len(NoSub())
except TypeError as e:
    print("TypeError:", e)
class ClassGetItem:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(ClassGetItem[int], list[int], dict[str, int])
