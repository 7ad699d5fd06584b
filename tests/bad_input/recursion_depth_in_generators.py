# Each generator runs on its own stack; nesting them past the limit still
# raises RecursionError, never a crash.
def walk(n):
    for value in walk(n + 1):
        yield value
    yield n


print(next(walk(0)))
