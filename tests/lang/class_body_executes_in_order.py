print("before class")
class Config:
    print("start of body")
    debug = False
    if not debug:
        level = "info"
    else:
        level = "debug"
    for i in range(3):
        last = i
    del i
    def method(self):
        return self.level
    print("names so far:", [k for k in list(locals()) if not k.startswith("__")])
    try:
        missing_name
    except NameError as e:
        print("NameError in class body:", e)
print("after class")
print(Config.level, Config.last, Config().method(), hasattr(Config, "i"))
print(Config.__qualname__, Config.__module__)

def factory(tag):
    class Local:
        label = tag
        def show(self):
            return self.label
    return Local
A = factory("a")
B = factory("b")
print(A().show(), B().show(), A is B, A.__qualname__)

class Empty: ...
print(Empty.__name__)
class WithDoc:
    "The docstring."
print(WithDoc.__doc__)
