class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

items = [R("list 1"), R("list 2"), R("list 3")]
del items
print("--")
pair = (R("tuple 1"), R("tuple 2"))
del pair
print("--")
mapping = {"a": R("dict a"), "b": R("dict b")}
del mapping
print("--")
def scope():
    first = R("local first")
    second = R("local second")
scope()
print("--")
nested = [R("outer"), [R("inner 1"), R("inner 2")]]
nested = None
print("--")
obj = R("attribute holder")
obj.child = R("child")
del obj
print("end")
