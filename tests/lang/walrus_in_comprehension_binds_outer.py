data = [1, 5, 3, 8, 2]
if any((big := x) > 4 for x in data):
    print("first big:", big)

total = 0
partial = [total := total + x for x in data]
print(partial, total)

def f():
    [y := n * 2 for n in range(3)]
    return y
print(f())

def g():
    ys = [last := v for v in "abc"]
    def inner():
        return last
    return ys, inner()
print(g())

while (n := len(data)) > 3:
    data.pop()
print(n, data)

print([(w := k, w * 2) for k in range(3)])
print(w)
