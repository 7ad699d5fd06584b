e = OSError(2, "No such file")
print(type(e).__name__, e, e.errno, e.strerror, e.args)
e = OSError(13, "Denied", "path.txt")
print(type(e).__name__, e, e.filename)
e = OSError("just message")
print(e, e.errno, e.args)
print(str(OSError()), repr(OSError(1, 2, 3, 4, 5)))
try:
    raise FileNotFoundError(2, "missing", "f.txt")
except OSError as err:
    print(type(err).__name__, err)
print(repr(TimeoutError()), repr(ConnectionResetError("reset")))
print(StopIteration(1, 2).value, repr(StopIteration()))
print(repr(KeyError()), KeyError("a", "b"))
print(repr(ExceptionGroup("m", [ValueError(1)])))
print(BaseExceptionGroup("m", [ValueError(1)]).__class__.__name__)
class MyGroup(ExceptionGroup):
    pass
g = MyGroup("custom", [ValueError(1), KeyError(2)])
print(type(g.subgroup(ValueError)).__name__)
print(AssertionError("a").args)
print(issubclass(ModuleNotFoundError, ImportError), ImportError("x", name="mod").name)
print(NameError("n", name="foo").name, AttributeError("a", name="n", obj=1).obj)
try:
    ValueError(x=1)
except TypeError as e:
    print(e)
class E(Exception):
    def __init__(self, a, b=2):
        super().__init__(a)
        self.b = b
print(E(1, b=3).b)
class F(Exception): pass
try:
    F(k=1)
except TypeError as e:
    print(e)
