def show(e, indent=0):
    pad = " " * indent
    if isinstance(e, BaseExceptionGroup):
        print(pad + f"{type(e).__name__}({e.message!r})")
        for x in e.exceptions:
            show(x, indent + 2)
    else:
        print(pad + repr(e))

def case(title, fn):
    print("==", title)
    try:
        fn()
    except BaseException as e:
        show(e)

def reraise_and_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        pass
case("reraise one, keep rest", reraise_and_rest)

def new_and_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(3)])
    except* ValueError:
        raise RuntimeError("new")
case("new exception plus unhandled rest", new_and_rest)

def two_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("first new")
    except* TypeError:
        raise OSError("second new")
case("two new exceptions", two_new)

def nested_structure():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* TypeError:
        raise
case("reraise keeps nested structure", nested_structure)

def raise_group_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as g:
        raise ExceptionGroup("from handler", [KeyError("x")])
case("group raised in handler", raise_group_in_handler)

def reraise_matched_explicitly():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        raise g
case("raise g explicitly", reraise_matched_explicitly)

def naked_new():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise KeyError("replacement")
case("naked exception replaced", naked_new)

def base_group():
    try:
        raise BaseExceptionGroup("beg", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError:
        pass
case("base group rest", base_group)
