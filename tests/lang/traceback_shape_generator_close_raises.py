def gen():
    try:
        yield
    finally:
        raise ValueError("cleanup failed")

g = gen()
next(g)
g.close()
