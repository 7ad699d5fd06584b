def inner(x):
    return int(x)

def outer(items):
    return [inner(i) for i in items]

result = outer(["1", "2", "three"])
