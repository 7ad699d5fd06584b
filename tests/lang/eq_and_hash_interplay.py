class OnlyEq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, OnlyEq) and self.v == o.v

print(OnlyEq.__hash__)
try:
    {OnlyEq(1)}
except TypeError as e:
    print("TypeError:", e)
try:
    hash(OnlyEq(1))
except TypeError as e:
    print("TypeError:", e)

class Both:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Both) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"Both({self.v})"

s = {Both(1), Both(1), Both(2)}
print(len(s), Both(1) in s)
d = {Both(3): "three"}
print(d[Both(3)])

class Plain: pass
p = Plain()
print(p == p, p != Plain(), hash(p) == hash(p))

class InheritsEq(OnlyEq): pass
print(InheritsEq.__hash__)

class RestoreHash(OnlyEq):
    __hash__ = object.__hash__
print(RestoreHash.__hash__ is object.__hash__)

class NeFromEq:
    def __eq__(self, o):
        print("eq called")
        return True
print(NeFromEq() != NeFromEq())

class NoCompare:
    def __eq__(self, o): return NotImplemented
a = NoCompare()
print(a == a, a == NoCompare(), a != a)

class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)

class BigHash:
    def __hash__(self): return 2**70
print(hash(BigHash()) == hash(2**70))

class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
print(hash(-1), hash(True), hash(1.0) == hash(1))
