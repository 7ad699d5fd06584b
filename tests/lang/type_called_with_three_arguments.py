def method(self):
    return f"{type(self).__name__} with {self.value}"

Dynamic = type("Dynamic", (object,), {"value": 42, "describe": method})
d = Dynamic()
print(d.describe(), Dynamic.__name__, Dynamic.__bases__, Dynamic.__module__)
Child = type("Child", (Dynamic,), {"value": 7})
print(Child().describe(), [c.__name__ for c in Child.__mro__])
print(type(d) is Dynamic, type(Dynamic) is type, type(type) is type)
try:
    type("Bad", (5,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", (), {}, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    type()
except TypeError as e:
    print("TypeError:", e)
print(repr(Dynamic)[:30])
