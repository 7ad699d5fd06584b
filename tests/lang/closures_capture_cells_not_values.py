def make_counters():
    counters = []
    for name in ["a", "b"]:
        count = 0
        def inc(name=name):
            nonlocal count
            count += 1
            return name, count
        counters.append(inc)
    return counters
ca, cb = make_counters()
print(ca(), ca(), cb())

def deleted_free_variable():
    x = 1
    def read():
        return x
    del x
    try:
        read()
    except NameError as e:
        print(type(e).__name__ + ":", e)
deleted_free_variable()

def rebinding_after_closure():
    v = "first"
    get = lambda: v
    v = "second"
    return get()
print(rebinding_after_closure())

def parameter_captured(p):
    def show():
        return p
    p = p * 2
    return show()
print(parameter_captured(21))

def nested_three_levels():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3
    return level2()()
print(nested_three_levels())

def closure_cell_contents():
    x = 5
    def f():
        return x
    return f.__closure__[0].cell_contents, len(f.__closure__), f.__code__.co_freevars if hasattr(f, "__code__") else ("x",)
print(closure_cell_contents()[:2])

def generator_closure():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(4):
        add(i)
    return total
print(generator_closure())
