# getattr/hasattr/setattr/delattr and callable.
class C:
    x = 1
    @property
    def broken(self):
        raise AttributeError("nope")
c = C()
setattr(c, "y", 2)
print(getattr(c, "x"), getattr(c, "y"), getattr(c, "z", "default"), hasattr(c, "y"), hasattr(c, "z"), hasattr(c, "broken"))
delattr(c, "y")
print(hasattr(c, "y"), callable(c), callable(C), callable(len), callable(c.__init__), callable(1))
for f in (lambda: getattr(c, "z"), lambda: getattr(c, 1), lambda: hasattr(c, 2), lambda: delattr(c, "q"), lambda: getattr(c),
          lambda: setattr(1, "a", 2)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
