def attempt(label, fn):
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)

def too_many():
    a, b = [1, 2, 3]
def too_few():
    a, b, c = [1, 2]
def star_too_few():
    a, b, *c, d = [1, 2]
def not_iterable():
    a, b = 5
def none_unpack():
    a, b = None
def gen_too_many():
    a, b = (i for i in range(10))
def str_unpack():
    a, b = "abc"
def star_not_iterable():
    print(*5)
def star_none():
    [*None]
def dict_star_not_mapping():
    {**[1]}
def call_kw_not_mapping():
    print(**[1])
def call_kw_not_str():
    def f(**k): pass
    f(**{1: 2})
def dup_kw():
    def f(**k): pass
    f(a=1, **{"a": 2})
def nested_error():
    (a, b), c = (1, 2, 3), 4
attempt("too_many", too_many)
attempt("too_few", too_few)
attempt("star_too_few", star_too_few)
attempt("not_iterable", not_iterable)
attempt("none_unpack", none_unpack)
attempt("gen_too_many", gen_too_many)
attempt("str_unpack", str_unpack)
attempt("star_not_iterable", star_not_iterable)
attempt("star_none", star_none)
attempt("dict_star_not_mapping", dict_star_not_mapping)
attempt("call_kw_not_mapping", call_kw_not_mapping)
attempt("call_kw_not_str", call_kw_not_str)
attempt("dup_kw", dup_kw)
attempt("nested_error", nested_error)
a, b = 1, 2, 3
