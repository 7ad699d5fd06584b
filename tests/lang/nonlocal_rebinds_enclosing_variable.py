def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get

inc, get = counter()
print(inc(), inc(), inc(5), get())

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "inner"
        inner()
        return x
    r = middle()
    return r, x

print(outer())

def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]

print(late_binding())

def default_capture():
    return [(lambda i=i: i)() for i in range(3)]

print(default_capture())

def cell_shared_by_two_closures():
    v = []
    def add(x):
        v.append(x)
    def show():
        return list(v)
    add(1); add(2)
    return show()

print(cell_shared_by_two_closures())

def closure_sees_later_assignment():
    def f():
        return y
    y = 42
    return f()

print(closure_sees_later_assignment())
