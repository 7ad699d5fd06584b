x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)

lst = list(range(10))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class O: pass
o = O()
o.attr = 1
del o.attr
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del (a, b)
print("a" in globals(), "b" in globals())
c = [1, 2, 3]
[e0, e1] = c[:2]
del [e0, e1]
print("e0" in globals())
def f():
    y = 1
    del y
    try:
        del y
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
f()
try:
    del undefined_name
except NameError as e:
    print("NameError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
s = "str"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
class Custom:
    def __delitem__(self, k): print("delitem", k)
    def __delattr__(self, n): print("delattr", n)
c = Custom()
del c[1:2], c["k"], c.anything
