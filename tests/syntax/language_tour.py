"""A tour of the statements and expressions of the subset."""
import os.path as osp, sys
from ..pkg import (a as b, c,)
from . import *

x = y = [1, 2.5, 3j, 0xff, 0o17, 0b11, 1_000, 1e-3, ..., None, True, False]
first, *rest = x
(a, b), c = (1, 2), 3
x[1:2], x[::2] = [], []
d = {"k": v for v in range(3) if v if v != 2}
s = {*x, *rest}
g = (i * i for i in x if isinstance(i, int))
t = 1,
e = ()
w = lambda a, /, b=2, *args, c, d=4, **kw: (a, b, args, c, d, kw)
n = -x[0] ** -2 // 3 % 4 @ m if x else not y or z and ~q
cmp = 1 < 2 <= 3 == 3 != 4 > 0 >= 0 in [0] not in [1] is not None is None
s2 = 'single' "double" '''triple''' r'\raw'
b2 = b'\x00' rb'\d'
f = f"{x!r:>{10}} {y=} {{braces}} {'nested'}"


@decorator(arg)
@other
def function(p: int, /, q: str = "q", *args: tuple, r, s=1, **kwargs) -> dict:
    global G
    def inner():
        nonlocal q
        q += "!"
        yield q
        yield from inner()
    del args, kwargs["x"], p.attr
    assert p, "message"
    return {**kwargs, "p": p}


class Child(Base, metaclass=Meta, **options):
    attr: int
    other: str = "x"

    async def method(self):
        l = [j async for j in self.items()] if False else []
        async with self.lock as held, other:
            pass
        async for item in self.items():
            await item
        with (open("a") as fa, open("b") as fb):
            pass
        try:
            raise ValueError("bad") from None
        except (ValueError, TypeError) as error:
            raise
        except Exception:
            pass
        else:
            pass
        finally:
            return


while True:
    if x: break
    elif y: continue
    else: pass
else:
    pass

for i, (j, k) in enumerate(pairs):
    print(i, j, k, sep="", end="\n", file=sys.stderr)
else:
    print("done")
