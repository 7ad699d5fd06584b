# isinstance/issubclass with classes, nested tuples and bad arguments.
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(1, (str, (float, int))), isinstance(True, int), isinstance(1, ()))
print(issubclass(B, A), issubclass(A, (B, object)), issubclass(bool, int), issubclass(int, int))
for f in (lambda: isinstance(1, 5), lambda: issubclass(1, int), lambda: issubclass(int, 5), lambda: isinstance(1, (int, 5))):
    try:
        print(f())
    except TypeError as e:
        print(e)
