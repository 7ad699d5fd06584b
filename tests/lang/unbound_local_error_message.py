x = 5
def f():
    print(x)
    x = 3

try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
    print(isinstance(e, NameError))

def g():
    def h():
        return y
    try:
        return h()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
    y = 1

print(g())

def k():
    z = 1
    del z
    return z

try:
    k()
except UnboundLocalError as e:
    print(e)

f()
