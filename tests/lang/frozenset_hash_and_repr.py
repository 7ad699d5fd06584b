# frozenset hashing is order independent and matches CPython's values.
print(hash(frozenset()), hash(frozenset([1])), hash(frozenset([1, 2, 3])), hash(frozenset("ab")) == hash(frozenset("ba")))
f = frozenset([3, 1, 2])
print(f, repr(frozenset()), {f: "ok"}[frozenset([1, 2, 3])], f | {4}, f & {1, 9}, f.copy() is f)
class MySet(set):
    pass
class MyFrozen(frozenset):
    pass
print(MySet([1, 2]), MyFrozen([3]), MySet(), MyFrozen())
