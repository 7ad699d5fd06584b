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
