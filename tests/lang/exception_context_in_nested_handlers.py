def chain_names(e):
    names = []
    while e is not None:
        names.append(type(e).__name__)
        e = e.__context__
    return names

try:
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise ValueError("b")
    except ValueError:
        raise TypeError("c")
except TypeError as e:
    print(chain_names(e))

try:
    try:
        raise KeyError("x")
    except KeyError:
        pass
    raise ValueError("after handler")
except ValueError as e:
    print("no context after handler ended:", e.__context__)

def gen():
    try:
        yield 1
    except GeneratorExit:
        raise RuntimeError("in close")
g = gen()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

try:
    try:
        raise KeyError("handled")
    except KeyError:
        try:
            raise OSError("inner")
        except OSError as inner:
            print("inner context:", repr(inner.__context__))
        raise IndexError("outer")
except IndexError as e:
    print(repr(e), repr(e.__context__))

try:
    try:
        1 / 0
    finally:
        print("finally sees exception")
except ZeroDivisionError as e:
    print("context of zde:", e.__context__)

err = None
try:
    raise ValueError("saved")
except ValueError as e:
    err = e
try:
    raise err
except ValueError as e:
    print("re-raise saved:", e.__context__)
