def a():
    return 1
def b():
    return "b"

print(a() + b())
