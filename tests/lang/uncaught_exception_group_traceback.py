def f():
    raise ExceptionGroup("two problems", [ValueError("bad value"), TypeError("bad type")])

f()
