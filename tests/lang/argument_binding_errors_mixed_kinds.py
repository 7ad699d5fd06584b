def attempt(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
def f(a, b, *args, c, **kw): pass
attempt(f, 1, a=2)
attempt(f, 1, 2, 3, b=4, c=5)
attempt(f, 1)
attempt(f, 1, 2)
def g(a, /, b, *, c): pass
attempt(g)
attempt(g, b=1, c=2)
attempt(g, 1, 2, 3)
attempt(g, 1, 2, c=3, d=4)
def h(*, a, b=1, c): pass
attempt(h, 1)
attempt(h, 1, a=1, c=1)
attempt(h, b=2)
def k(a=1, /, b=2): pass
attempt(k, 1, 2, 3)
attempt(k, a=1)
def m(x, y=1, *args): pass
attempt(m)
attempt(m, y=2)
class C:
    def __init__(self, a): pass
    def meth(self, x, *, y): pass
attempt(C)
attempt(C, 1, 2)
attempt(C(1).meth)
attempt(C(1).meth, 1)
attempt(C(1).meth, 1, 2)
attempt(C.meth)
def many_pos(a, b, c, d, e): pass
attempt(many_pos, 1)
def one_kw_given(a, *, b): pass
attempt(one_kw_given, 1, 2, b=3)
attempt(one_kw_given, 1, 2, 3, b=3)
def takes_kwargs(**kw): pass
attempt(takes_kwargs, 1)
def defaults_only(a=1, b=2): pass
attempt(defaults_only, 1, 2, 3, 4)
attempt(lambda *a, **k: 0, 1, x=2)
def posonly_kw_collide(a, /, **kw): return kw
print(posonly_kw_collide(1, a=2))
