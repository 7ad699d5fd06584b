class P:
    __slots__ = ("x",)

p = P()
p.y = 1
