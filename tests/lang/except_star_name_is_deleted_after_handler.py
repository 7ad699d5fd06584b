# `except* E as name` unbinds the name when the handler ends, like `except`
# (whether the handler ended normally or raised).
def f():
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        print("handled", repr(e))
    except* KeyError as e:
        print("handled", repr(e))
    try:
        print(e)
    except UnboundLocalError as err:
        print("UnboundLocalError:", err)


f()
try:
    raise ExceptionGroup("g", [TypeError()])
except* TypeError as top:
    pass
print("top" in globals())
try:
    try:
        raise ExceptionGroup("g", [OSError()])
    except* OSError as inner:
        raise RuntimeError("from handler")
except RuntimeError as r:
    print(repr(r))
print("inner" in globals())
