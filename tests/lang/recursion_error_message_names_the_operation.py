def attempt(label, fn):
    try:
        fn()
    except RecursionError as e:
        print(label, "->", e)

class R:
    def __repr__(self):
        return repr(self)
attempt("repr", lambda: repr(R()))
class S:
    def __str__(self):
        return str(self)
attempt("str", lambda: str(S()))
class L:
    def __lt__(self, o):
        return self < o
attempt("lt", lambda: L() < L())
class E:
    def __eq__(self, o):
        return self == o
attempt("eq", lambda: E() == E())
class G:
    def __getattr__(self, n):
        return getattr(self, n)
attempt("getattr", lambda: G().x)
class H:
    def __hash__(self):
        return hash(self)
attempt("hash", lambda: hash(H()))
class Len:
    def __len__(self):
        return len(self)
attempt("len", lambda: len(Len()))
class It:
    def __iter__(self):
        return iter(self)
attempt("iter", lambda: iter(It()))
class Call:
    def __call__(self):
        return self()
attempt("call", lambda: Call()())
class Add:
    def __add__(self, o):
        return self + o
attempt("add", lambda: Add() + 1)
class Gi:
    def __getitem__(self, k):
        return self[k]
attempt("getitem", lambda: Gi()[0])
class B:
    def __bool__(self):
        return bool(self)
attempt("bool", lambda: bool(B()))
def via_map(n):
    return list(map(via_map, [n]))
attempt("map", lambda: via_map(0))
def via_sorted(n):
    return sorted([n], key=via_sorted)
attempt("sorted", lambda: via_sorted(0))
class F:
    def __format__(self, spec):
        return format(self, spec)
attempt("format", lambda: f"{F()}")
class P:
    @property
    def p(self):
        return self.p
attempt("property", lambda: P().p)
class Init:
    def __init__(self):
        Init()
attempt("init", lambda: Init())
def gen():
    yield from gen()
attempt("yield from", lambda: list(gen()))
class Contains:
    def __contains__(self, x):
        return x in self
attempt("contains", lambda: 1 in Contains())
