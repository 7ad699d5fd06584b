class Base:
    def __init_subclass__(cls, **kw):
        print(cls.__name__, sorted(kw.items()))
opts = {"a": 1, "b": 2}
class One(Base, **opts):
    pass
class Two(Base, c=3, **{"d": 4}):
    pass
try:
    class Three(Base, a=1, **{"a": 2}):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Four(Base, **[1]):
        pass
except TypeError as e:
    print("TypeError:", e)
