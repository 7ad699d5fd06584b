def first():
    raise KeyError("first")

def second():
    try:
        first()
    except KeyError:
        raise ValueError("second")

def third():
    try:
        second()
    except ValueError as e:
        raise RuntimeError("third") from e

try:
    third()
except RuntimeError:
    raise TypeError("fourth")
