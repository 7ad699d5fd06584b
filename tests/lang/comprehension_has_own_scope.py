i = "outer"
squares = [i * i for i in range(4)]
print(squares, i)

gen = (j for j in range(3))
print(list(gen))
try:
    j
except NameError as e:
    print(e)

d = {k: v for k, v in zip("ab", range(2))}
print(d)
s = {c for c in "aab"}
print(sorted(s))

nested = [[x * y for y in range(3)] for x in range(3)]
print(nested)

flat = [x for row in nested for x in row if x % 2 == 0]
print(flat)

def f():
    a = 10
    return [a + b for b in range(3)]
print(f())

def g():
    fs = [lambda: n for n in range(3)]
    return [h() for h in fs]
print(g())

# the first iterable is evaluated in the enclosing scope
def h():
    xs = [1, 2]
    return [x for x in xs for xs in [[9]]]
print(h())
