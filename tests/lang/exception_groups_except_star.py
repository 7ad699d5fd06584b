def show(eg, indent=0):
    pad = " " * indent
    if isinstance(eg, BaseExceptionGroup):
        print(pad + type(eg).__name__, repr(eg.message))
        for e in eg.exceptions:
            show(e, indent + 2)
    else:
        print(pad + repr(eg))

eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("nested", [ValueError(3), KeyError(4)])])
show(eg)
print(str(eg))

try:
    raise eg
except* ValueError as g:
    print("ValueError part:")
    show(g, 2)
except* (TypeError, KeyError) as g:
    print("Type/Key part:")
    show(g, 2)

try:
    try:
        raise ExceptionGroup("x", [ValueError("v"), OSError("o")])
    except* ValueError:
        print("handled ValueError")
except ExceptionGroup as rest:
    print("rest:")
    show(rest, 2)

try:
    raise KeyError("naked")
except* KeyError as g:
    print("naked wrapped:")
    show(g, 2)

match, rest = eg.split(ValueError)
show(match)
show(rest)
print(eg.subgroup(lambda e: isinstance(e, KeyError)).exceptions)
print(eg.subgroup(OSError))

b = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(b).__name__)
b2 = BaseExceptionGroup("mixed", [ValueError()])
print(type(b2).__name__)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
try:
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), TypeError("b")])
    except* ValueError:
        raise KeyError("raised in handler")
except ExceptionGroup as e:
    print("combined:")
    show(e, 2)
