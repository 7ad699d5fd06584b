def attempt(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
        print("ok")
    except TypeError as e:
        print("TypeError:", e)

def f(a, b): pass
def g(a, b=2, *, c, d=4): pass
def h(a, /, b, *, c): pass
def v(*args, key): pass
def none(): pass
def one(x): pass
def defaults(a, b=1, c=2): pass
class K:
    def m(self, x): pass
    @classmethod
    def cm(cls, y): pass
    @staticmethod
    def sm(z): pass

attempt(f)
attempt(f, 1)
attempt(f, 1, 2, 3)
attempt(f, 1, 2, 3, 4)
attempt(f, 1, b=2, a=3)
attempt(f, 1, 2, c=3)
attempt(f, a=1, b=2, c=3, d=4)
attempt(g, 1)
attempt(g)
attempt(g, 1, 2, 3)
attempt(g, 1, 2, 3, c=1)
attempt(g, 1, 2, 3, c=1, d=2)
attempt(h, a=1, b=2, c=3)
attempt(h, 1, 2, 3)
attempt(h, 1, 2)
attempt(v, 1, 2)
attempt(none, 1)
attempt(none, x=1)
attempt(one)
attempt(one, 1, 2)
attempt(defaults)
attempt(defaults, 1, 2, 3, 4)
attempt(K().m)
attempt(K().m, 1, 2)
attempt(K.m, 1)
attempt(K.cm)
attempt(K.sm)
attempt(K().sm, 1, 2)
attempt(lambda: 0, 1)
attempt(lambda x, *, y: 0, 1)
def many(a, b, c, d): pass
attempt(many, 1)
attempt(many)
def kwmany(*, a, b, c): pass
attempt(kwmany)
attempt(kwmany, a=1)
def po(a, b, /): pass
attempt(po, a=1, b=2)
attempt(po, 1, b=2)
def pokw(a, /, **kw): print(a, kw)
attempt(pokw, 1, a=2)
attempt(len)
attempt(len, 1, 2)
attempt(int, x=1)
attempt(print, bad=1)
