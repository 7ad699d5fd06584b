def f():
    try:
        raise KeyError("a")
    finally:
        print("finally")

def g():
    try:
        f()
    except KeyError as e:
        raise ValueError("b") from e

g()
