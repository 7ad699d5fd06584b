def trace(label, value=None):
    print("evaluating", label)
    return value

def deco(name):
    print("deco factory", name)
    def apply(f):
        print("applying", name)
        return f
    return apply

@deco(trace("first decorator", "one"))
@deco(trace("second decorator", "two"))
def f(a=trace("default a", 1), *, b=trace("default b", 2)) -> trace("return annotation"):
    pass

print(f.__defaults__, f.__kwdefaults__)

@deco("class")
class C(trace("base", object), metaclass=trace("metaclass", type)):
    print("class body runs")
    x = trace("class attribute", 5)

print("done", C.x)
