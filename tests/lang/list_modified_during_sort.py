# Mutating a list from a key function raises ValueError and discards the mutation.
a = [3, 1, 2]
def key(x):
    a.append(x)
    return x
try:
    a.sort(key=key)
except ValueError as e:
    print(e)
print(a)
b = [3, 1, 2]
def key2(x):
    b.append(0)
    b.pop()
    return x
try:
    b.sort(key=key2)
except ValueError as e:
    print(e)
print(b)
