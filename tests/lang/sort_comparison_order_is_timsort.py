# The sequence of __lt__ calls made by sort() is CPython's timsort, merges included.
calls = []
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        calls.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return f"K({self.v})"
print(sorted([K(3), K(1), K(2)]))
print(calls)
calls.clear()
sorted([K(v) for v in [5, 4, 3, 2, 1, 0]])
print(calls)
vals = [(i * 37) % 101 for i in range(300)]
calls.clear()
out = sorted(K(v) for v in vals)
print(len(calls), sum(a * 3 + b for a, b in calls) % 100003, [k.v for k in out][:8])
vals = list(range(150)) + list(range(75)) + [5] * 40 + list(range(200, 100, -1))
calls.clear()
sorted(K(v) for v in vals)
print(len(calls), sum(a * 7 + b for a, b in calls) % 100003)
# Many sizes and shapes: runs, galloping merges and reverse=True.
class K2:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        calls.append(self.v * 1000 + other.v)
        return self.v < other.v
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
for n in [0, 1, 2, 3, 5, 10, 31, 64, 65, 100, 127, 128, 129, 200, 257, 500, 1000, 2500]:
    for mode in range(4):
        if mode == 0:
            vals = [rnd() % 50 for _ in range(n)]
        elif mode == 1:
            vals = sorted(rnd() % 100 for _ in range(n))
            for _ in range(n // 10):
                i = rnd() % n if n else 0
                if n: vals[i] = rnd() % 100
        elif mode == 2:
            vals = [(n - i) // 3 for i in range(n)]
        else:
            vals = [i % 17 for i in range(n)]
        calls.clear()
        out = sorted([K2(v) for v in vals], reverse=(mode == 3))
        h = 0
        for c in calls:
            h = (h * 31 + c) % 1000000007
        print(n, mode, len(calls), h, [k.v for k in out][:5])
