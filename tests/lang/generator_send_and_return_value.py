def averager():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return (count, avg)
        total += x
        count += 1
        avg = total / count

g = averager()
print(next(g))
print(g.send(10), g.send(20), g.send(60))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)

g2 = averager()
try:
    g2.send(5)
except TypeError as e:
    print("TypeError:", e)

def simple():
    yield 1
    return "done"
s = simple()
print(next(s))
try:
    next(s)
except StopIteration as e:
    print(repr(e), e.value)
try:
    next(s)
except StopIteration as e:
    print("again:", repr(e), e.value)

def empty():
    return
    yield
print(list(empty()))

def gen_state():
    yield 1
g3 = gen_state()
print(g3.gi_running, g3.gi_frame is not None)
next(g3)
print(g3.gi_running, g3.gi_frame is not None)
list(g3)
print(g3.gi_running, g3.gi_frame is None)
