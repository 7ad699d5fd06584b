def t(label, value=None):
    print("eval", label)
    return value if value is not None else label

print("-- call arguments")
def f(*args, **kwargs):
    return len(args), sorted(kwargs)
f(t("a"), t("b"), *[t("star")], k=t("kw"), **{"x": t("dstar")})

print("-- dict display: key before value")
d = {t("k1"): t("v1"), t("k2"): t("v2")}

print("-- assignment: value first, then targets left to right")
class Box:
    def __setitem__(self, k, v):
        print("setitem", k, v)
box = Box()
box[t("index")] = t("value")
x = y = t("chained")
a, b = t("first"), t("second")

print("-- subscript: container, then index")
lst = [1, 2, 3]
t("container", lst)[t("idx", 1)]

print("-- binary operators left to right, power right-assoc evaluation still left first")
t("l", 1) + t("r", 2) * t("rr", 3)
t("base", 2) ** t("exp", 3) ** t("exp2", 2)

print("-- comparison chain evaluates middle once")
t("c1", 1) < t("c2", 2) < t("c3", 3)

print("-- conditional expression: condition first")
t("then") if t("cond", True) else t("else")

print("-- augmented assignment on subscript")
lst2 = [10]
def idx():
    print("index evaluated")
    return 0
lst2[idx()] += t("increment", 5)
print(lst2)

print("-- method call: object, then arguments")
class M:
    def m(self, *a): return a
t("receiver", M()).m(t("arg1"), t("arg2"))

print("-- boolean operators short-circuit")
t("falsy", 0) and t("never")
t("truthy", 1) or t("never")

print("-- lambda default evaluated at definition")
g = lambda v=t("default"): v
print("calling")
g()
print("-- unpacking star in list display")
[t("p"), *t("it", [1]), t("q")]
