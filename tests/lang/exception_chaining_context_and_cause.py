def implicit():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling")

try:
    implicit()
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

def explicit():
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError("wrapped") from z
try:
    explicit()
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("clean") from None
try:
    suppressed()
except RuntimeError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)

def cause_class():
    raise RuntimeError("x") from KeyError
try:
    cause_class()
except RuntimeError as e:
    print(repr(e.__cause__))

try:
    raise RuntimeError("y") from 5
except TypeError as e:
    print("TypeError:", e)

def no_self_context():
    try:
        raise ValueError("v")
    except ValueError as e:
        raise e
try:
    no_self_context()
except ValueError as e:
    print("context of reraised:", e.__context__)

e1 = KeyError("a")
e2 = ValueError("b")
e2.__cause__ = e1
print(e2.__suppress_context__, repr(e2.__cause__))
e3 = ValueError()
e3.__context__ = e1
print(repr(e3.__context__))
try:
    e3.__cause__ = "nope"
except TypeError as e:
    print("TypeError:", e)

def cycle():
    a = ValueError("a")
    b = KeyError("b")
    try:
        try:
            raise a
        except ValueError:
            raise b
    except KeyError:
        try:
            raise a
        except ValueError as final:
            return final
f = cycle()
print(repr(f), repr(f.__context__), f.__context__.__context__)
