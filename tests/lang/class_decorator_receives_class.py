def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

def with_attr(**attrs):
    def deco(cls):
        for k, v in attrs.items():
            setattr(cls, k, v)
        return cls
    return deco

@add_repr
@with_attr(kind="point", dims=2)
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, "two")
print(p, Point.kind, Point.dims)

def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self):
        print("init once")

a = Config(); b = Config()
print(a is b)
