def wraps(original):
    def copy(wrapper):
        wrapper.__name__ = original.__name__
        wrapper.__qualname__ = original.__qualname__
        wrapper.__doc__ = original.__doc__
        wrapper.__wrapped__ = original
        return wrapper
    return copy

def retry(times):
    def deco(f):
        @wraps(f)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return f(attempt, *args, **kwargs)
                except ValueError as e:
                    print("attempt", attempt, "failed:", e)
            return None
        return wrapper
    return deco

@retry(3)
def flaky(attempt, target):
    """Succeeds on the target attempt."""
    if attempt < target:
        raise ValueError(f"not yet ({attempt})")
    return f"ok at {attempt}"

print(flaky(2))
print(flaky(5))
print(flaky.__name__, flaky.__qualname__, flaky.__doc__)
print(flaky.__wrapped__.__name__)

class Validate:
    def __init__(self, *, minimum):
        self.minimum = minimum
    def __call__(self, f):
        def checked(x):
            if x < self.minimum:
                raise ValueError(f"{f.__name__}: {x} < {self.minimum}")
            return f(x)
        return checked

@Validate(minimum=0)
def root(x):
    return x ** 0.5
print(root(16))
try:
    root(-1)
except ValueError as e:
    print("ValueError:", e)

def method_decorator(m):
    def wrapped(self, *a):
        return f"{type(self).__name__}.{m.__name__}{a} -> {m(self, *a)}"
    return wrapped
class Calc:
    @method_decorator
    def add(self, a, b):
        return a + b
print(Calc().add(2, 3))
