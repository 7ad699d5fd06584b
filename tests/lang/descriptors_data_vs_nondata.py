class NonData:
    def __get__(self, obj, objtype=None):
        return "from non-data descriptor"
class Data:
    def __get__(self, obj, objtype=None):
        return "from data descriptor"
    def __set__(self, obj, value):
        print("Data.__set__", value)

class Host:
    nd = NonData()
    d = Data()

h = Host()
print(h.nd, h.d)
h.__dict__["nd"] = "instance wins over non-data"
h.__dict__["d"] = "instance loses to data"
print(h.nd, h.d)
h.d = 5
print(Host.nd, Host.d)

class Verbose:
    def __get__(self, obj, objtype):
        return (obj is None, objtype.__name__)
class User:
    v = Verbose()
print(User.v, User().v)

class Method:
    def f(self):
        return self
m = Method()
print(m.f() is m, Method.f(m) is m)
print(type(m.f).__name__, m.f.__self__ is m, m.f.__func__ is Method.f)
print(m.f == m.f, m.f is m.f)
m.f = lambda: "instance override"
print(m.f())

def free(self):
    return "attached later"
Method.g = free
print(Method().g())
