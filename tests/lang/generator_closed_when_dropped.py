def resource(name):
    print("open", name)
    try:
        yield 1
        yield 2
    finally:
        print("close", name)

g = resource("a")
next(g)
del g
print("after del")

def use():
    g = resource("b")
    next(g)
    print("returning")
use()
print("after use")

for x in resource("c"):
    print("first item", x)
    break
print("after break")

r = resource("d")
next(r)
r = None
print("rebound")

def exit_catcher():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
e = exit_catcher()
next(e)
del e
print("end")

def keep_alive():
    g = resource("e")
    next(g)
    return g
kept = keep_alive()
print("still alive")
