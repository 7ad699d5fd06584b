# dir() lists names sorted; vars() returns __dict__.
class P:
    cls_attr = 1
    def method(self):
        pass
p = P()
p.inst = 2
print([n for n in dir(p) if not n.startswith("__")], vars(p), [n for n in dir(P) if not n.startswith("_")])
def f():
    b = 1
    a = 2
    return dir()
print(f())
try:
    vars(5)
except TypeError as e:
    print(e)
