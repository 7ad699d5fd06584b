class CM:
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name, self.fail_enter, self.suppress = name, fail_enter, suppress
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed: " + self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress

try:
    with CM("a") as a, CM("b", fail_enter=True) as b:
        print("body not reached")
except RuntimeError as e:
    print("caught:", e)

with CM("outer", suppress=True):
    with CM("inner"):
        raise ValueError("propagates through inner, suppressed by outer")
print("after suppression")

def returns_inside():
    with CM("r"):
        return "returned value"
print(returns_inside())

def breaks_inside():
    for i in range(3):
        with CM(f"loop{i}"):
            if i == 1:
                break
            continue
breaks_inside()

class ExitSeesArgs:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        et, ev, tb = args
        print(et is KeyError, isinstance(ev, KeyError), type(tb).__name__)
        return True
with ExitSeesArgs():
    {}["missing"]

with CM("tuple") as (first, *rest):
    print(first, rest)

class Target:
    pass
t = Target()
with CM("attr") as t.value:
    pass
print(t.value)

class EnterReturnsNone:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        pass
with EnterReturnsNone() as nothing:
    print(nothing)
