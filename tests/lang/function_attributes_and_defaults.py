def f(a, b=[], *args, c=1, **kw):
    """Doc of f."""
    b.append(a)
    return b

print(f(1), f(2))
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__)
f.custom = "attr"
print(f.custom, f.__dict__)
def g(): pass
print(g.__defaults__, g.__kwdefaults__, g.__doc__)
g.__name__ = "renamed"
print(g.__name__, g.__qualname__)
def counter(x=0):
    counter.calls = getattr(counter, "calls", 0) + 1
    return counter.calls
counter(); counter()
print(counter.calls)
def annotated(x: int, y: "str" = "s") -> bool:
    return True
print(annotated.__annotations__)
print(f.__module__)
def defaults_evaluated_once(x=print("default evaluated") or 5):
    return x
print(defaults_evaluated_once(), defaults_evaluated_once())
def kwonly_defaults(*, a=1, b):
    return a, b
print(kwonly_defaults(b=2), kwonly_defaults.__kwdefaults__)
