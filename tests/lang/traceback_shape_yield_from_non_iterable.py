def g():
    yield from 5

list(g())
