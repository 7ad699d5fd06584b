# Subclasses of list, dict, str, int, tuple and set keep the builtin behaviour.
class MyList(list):
    def total(self):
        return sum(self)
class Counter(dict):
    def __missing__(self, key):
        return 0
class Name(str):
    def shout(self):
        return self.upper() + "!"
class Num(int):
    def double(self):
        return self * 2
class Pair(tuple):
    def swap(self):
        return Pair((self[1], self[0]))
l = MyList([3, 1, 2]); l.append(5); l.sort()
print(l, l.total(), len(l), type(l).__name__, l[1:], isinstance(l, list))
c = Counter(); c["a"] += 2
print(c, c["zz"], c.get("zz"), type(c).__name__)
n = Name("bob")
print(n, n.shout(), n.title(), repr(n), len(n), n + "!", type(n + "x").__name__)
print(Num(21).double(), Num("7") + 1, type(Num(3)).__name__)
p = Pair((1, 2))
print(p, p.swap(), type(p.swap()).__name__, p == (1, 2))
class Stack(list):
    def __init__(self, *items):
        super().__init__(items)
print(Stack(1, 2, 3), Stack())
