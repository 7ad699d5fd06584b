class Resource:
    def __init__(self, name):
        self.name = name
        print("acquire", name)
    def __del__(self):
        print("release", self.name)

r = Resource("a")
del r
print("after del")

def scope():
    x = Resource("b")
    print("leaving scope")
scope()
print("after scope")

items = [Resource("c"), Resource("d")]
items.pop(0)
print("popped")
items.clear()
print("cleared")

r = Resource("e")
r = Resource("f")
print("rebound")

holder = {"k": Resource("g")}
holder["k"] = None
print("replaced in dict")

def make():
    return Resource("temp")
make()
print("temporary dropped")
print(make().name)
print("end of program")
last = Resource("h")
