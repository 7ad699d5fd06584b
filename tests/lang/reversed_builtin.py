# reversed() over sequences, dicts, ranges and objects with __reversed__ or __len__/__getitem__.
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Seq())), list(reversed(Rev())))
print(type(reversed([])).__name__, type(reversed(())).__name__, type(reversed(range(2))).__name__, type(reversed({})).__name__)
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__())
for bad in (5, {1, 2}, iter([1])):
    try:
        reversed(bad)
    except TypeError as e:
        print(e)
