class Plugin:
    pass
class A(Plugin):
    pass
class B(Plugin):
    pass
class C(A):
    pass
print([c.__name__ for c in Plugin.__subclasses__()], [c.__name__ for c in A.__subclasses__()])
def make():
    class Temp(Plugin):
        pass
    return Temp
t = make()
print([c.__name__ for c in Plugin.__subclasses__()])
def all_subclasses(cls):
    out = []
    for s in cls.__subclasses__():
        out.append(s.__name__)
        out.extend(all_subclasses(s))
    return out
print(all_subclasses(Plugin))
class M(A, B):
    pass
print([c.__name__ for c in B.__subclasses__()], C.__subclasses__())
