class Plugin:
    plugins = []
    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key or cls.__name__.lower()
        Plugin.plugins.append(cls.key)

class Alpha(Plugin): pass
class Beta(Plugin, key="b"): pass
class Gamma(Beta): pass
print(Plugin.plugins, Beta.key, Gamma.key)

try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print("TypeError:", e)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)

class Model:
    first = Field()
    second = Field()
    def __init__(self):
        self.first = 1

m = Model()
print(m.first, m.second, Model.first.name)

try:
    class NoKw(object, flavor=1): pass
except TypeError as e:
    print("TypeError:", e)
