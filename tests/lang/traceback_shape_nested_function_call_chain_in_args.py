def a(x):
    return b(x)
def b(x):
    return x["k"]

print(len(str(a({}))))
