class Dyn:
    def __getattr__(self, name):
        print("getattr", name)
        return lambda *a: 42
d = Dyn()
for label, fn in [("len", lambda: len(d)), ("add", lambda: d + 1), ("iter", lambda: iter(d)),
                  ("call", lambda: d()), ("bool", lambda: bool(d)), ("str", lambda: str(d)[:5]),
                  ("contains", lambda: 1 in d), ("getitem", lambda: d[0]), ("neg", lambda: -d),
                  ("with", lambda: exec_with(d)), ("hash", lambda: hash(d) is not None), ("eq", lambda: d == d)]:
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)
def exec_with(x):
    with x:
        pass
class Inst:
    pass
i = Inst()
i.__len__ = lambda: 3
i.__repr__ = lambda: "instance repr"
try:
    len(i)
except TypeError as e:
    print("TypeError:", e)
print(repr(i)[:15])
print(d.method(), d.attr())
