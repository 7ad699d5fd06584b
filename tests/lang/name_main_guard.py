def main():
    print("running main", __name__)
    return 0

print(__name__)
if __name__ == "__main__":
    main()
print(type(__builtins__).__name__ if not isinstance(__builtins__, dict) else "dict")
print(__doc__)
"""Not the docstring: not first."""
print(main.__module__)
class C: pass
print(C.__module__, repr(C), C.__qualname__)
def outer():
    class Inner:
        def m(self): pass
    return Inner
print(outer().__qualname__, outer().m.__qualname__)
print(repr(outer().m)[:30])
