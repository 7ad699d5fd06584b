# Slice reads, assignment and deletion on lists, including extended slices.
a = list(range(10))
print(a[2:5], a[::2], a[::-1], a[-3:], a[8:2:-2], a[100:], a[:-100])
a[2:5] = ["a", "b"]; print(a)
a[1:1] = [9, 9, 9]; print(a)
a[:] = a[::-1]; print(a)
a[::2] = range(len(a[::2])); print(a)
del a[::3]; print(a)
del a[1:3]; print(a)
a[5:2] = ["ins"]; print(a)
a[len(a):] = "xy"; print(a)
b = [1, 2, 3]; b[1:] = b; print(b)
for c in ("size", "iterable", "ext-iterable"):
    try:
        if c == "size":
            a[::2] = [1, 2]
        elif c == "iterable":
            a[1:2] = 5
        else:
            a[::2] = 5
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    [1, 2][::0]
except ValueError as e:
    print(e)
