def tag(name):
    print("making", name)
    def deco(f):
        print("applying", name, "to", f.__name__)
        def wrapper(*args, **kwargs):
            return "<" + name + ">" + str(f(*args, **kwargs)) + "</" + name + ">"
        wrapper.__name__ = f.__name__
        return wrapper
    return deco

@tag("b")
@tag("i")
def hello(who="world"):
    return "hello " + who

print(hello())
print(hello(who="you"))
print(hello.__name__)

def count_calls(f):
    def wrapper(*a):
        wrapper.calls += 1
        return f(*a)
    wrapper.calls = 0
    return wrapper

@count_calls
def add(a, b):
    return a + b

add(1, 2); add(3, 4)
print(add.calls)

registry = []
def register(f):
    registry.append(f.__name__)
    return f

class Handlers:
    @register
    def on_a(self): pass
    @register
    def on_b(self): pass

print(registry)

def not_callable_result(f):
    return 42

@not_callable_result
def gone(): pass
print(gone)

@lambda f: f() * 2
def computed():
    return 21
print(computed)
