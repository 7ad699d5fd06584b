def gen():
    raise RuntimeError("before first yield")
    yield

next(gen())
