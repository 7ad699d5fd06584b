def show(label, e):
    if isinstance(e, BaseExceptionGroup):
        print(label, type(e).__name__, repr(e.message), [show_leaf(x) for x in e.exceptions])
    else:
        print(label, repr(e))

def show_leaf(x):
    if isinstance(x, BaseExceptionGroup):
        return (type(x).__name__, x.message, [show_leaf(y) for y in x.exceptions])
    return repr(x)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as g:
        show("matched:", g)
    except* TypeError as g:
        show("matched:", g)
        raise
except ExceptionGroup as outer:
    show("reraised:", outer)

try:
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
except ValueError as e:
    show("naked reraised unchanged:", e)
except ExceptionGroup as e:
    show("naked reraised as group:", e)

try:
    try:
        raise ExceptionGroup("eg", [KeyError("k")])
    except* KeyError as g:
        raise RuntimeError("new in handler") from None
except ExceptionGroup as e:
    show("new exception:", e)
    print(repr(e.exceptions[0].__context__))

def handled_all():
    try:
        raise ExceptionGroup("eg", [OSError("a"), OSError("b")])
    except* OSError as g:
        return_value = len(g.exceptions)
    else:
        print("else not run")
    finally:
        print("finally runs")
    return return_value
print(handled_all())

try:
    raise ExceptionGroup("nested", [ExceptionGroup("inner", [ValueError("deep")]), TypeError("t")])
except* ValueError as g:
    show("deep match keeps structure:", g)
except* TypeError as g:
    show("type part:", g)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (ValueError, TypeError) as g:
        show("tuple matched:", g)
except Exception as e:
    print("unexpected", e)
print("no exception escaped")
