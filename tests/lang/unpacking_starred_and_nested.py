a, *rest = [1, 2, 3, 4]
print(a, rest)
*init, last = "hello"
print(init, last)
first, *middle, end = range(5)
print(first, middle, end)
(x, y), [z, *w] = (1, 2), (3, 4, 5)
print(x, y, z, w)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
*empty, one = [1]
print(empty, one)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
head, *tail = iter([9, 8, 7])
print(head, tail)
m, n = {"p": 1, "q": 2}
print(m, n)
print([*range(3), *"ab", *[None]])
print((*[1, 2],))
print({**{"a": 1}, "b": 2, **{"a": 3}})
print({*[1, 2], *(2, 3)})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(4,), x=1, **{"y": 2}))
lst = [0, 0, 0]
lst[0], lst[1:] = "a", "bc"
print(lst)
class O: pass
o = O()
o.a, o.b = 5, 6
print(o.a, o.b)
i = 0
xs = [10, 20]
i, xs[i] = 1, 99
print(i, xs)
