def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")

w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
try:
    w.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", e)
print(w.gi_frame is None)

w2 = worker()
next(w2)
w2.close()
w2.close()
print("closed twice")

def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def never_started():
    print("never printed")
    yield
g = never_started()
g.close()
try:
    next(g)
except StopIteration:
    print("closed before start: StopIteration")

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        return "ignored"
g = returns_on_exit()
next(g)
print(g.close())

g = never_started()
try:
    g.throw(TypeError, "thrown before start")
except TypeError as e:
    print("TypeError:", e)

def catch_and_finish():
    try:
        yield 1
    except ValueError:
        return "finished by throw"
g = catch_and_finish()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration:", e.value)
