# Explicit calls of str's special methods and NotImplemented results.
print(str.__add__("a", "b"), str.__mul__("ab", 3), str.__rmul__("x", 2), str.__mod__("%d", 5))
print(str.__eq__("a", "a"), str.__eq__("a", 1), str.__lt__("a", "b"), str.__ge__("a", 1))
print(str.__len__("héllo"), str.__contains__("abc", "b"), str.__getitem__("abc", 1), str.__getitem__("abcdef", slice(1, 5, 2)))
print(str.__hash__("x") == hash("x"), str.__repr__("it's"), str.__str__("s"))
print(list(str.__iter__("ab")), "a".__format__(">3"), str.__rmod__("a", 1))
for bad in (lambda: str.__add__("a", 1), lambda: str.upper(1), lambda: "a" * "b", lambda: 1 in "a"):
    try:
        bad()
    except TypeError as e:
        print(e)
