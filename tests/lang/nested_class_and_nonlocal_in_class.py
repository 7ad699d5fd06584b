def outer():
    value = 1
    class Inner:
        nonlocal value
        value = 2
        def get(self):
            return value
    return value, Inner().get()
print(outer())

counter = 0
class G:
    global counter
    counter = 10
print(counter, hasattr(G, "counter"))

class Outer:
    x = 1
    class Nested:
        try:
            y = x
        except NameError as e:
            y = "NameError: " + str(e)
    def method(self):
        return type(self).Nested.y
print(Outer().method(), Outer.Nested.__qualname__)

def f():
    x = "enclosing"
    class C:
        x = "class"
        def m(self):
            return x
        lam = lambda self: x
    return C().m(), C().lam()
print(f())
