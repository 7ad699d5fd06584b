def reraise():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging")
        raise

try:
    reraise()
except ValueError as e:
    print("caught again:", e)

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

def reraise_after_nested():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise
try:
    reraise_after_nested()
except KeyError as e:
    print("outer restored:", repr(e))

def helper():
    raise
def via_helper():
    try:
        raise IndexError("in caller")
    except IndexError:
        helper()
try:
    via_helper()
except IndexError as e:
    print("helper reraised:", repr(e))

def after_handler():
    try:
        raise ValueError
    except ValueError:
        pass
    raise
try:
    after_handler()
except RuntimeError as e:
    print("RuntimeError:", e)

def in_finally():
    try:
        raise OSError("in finally")
    finally:
        pass
try:
    in_finally()
except OSError as e:
    print(repr(e))

def raise_class():
    raise KeyError
try:
    raise_class()
except KeyError as e:
    print(repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class NotExc: pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError:", e)
