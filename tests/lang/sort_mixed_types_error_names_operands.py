# A failing comparison during sort names the operands in the order timsort compared them.
for data in ([1, "a"], ["b", 1], [1, 2, None], [None, 1], [3, 2, "x", 1], [1.5, [1]]):
    try:
        sorted(data)
    except TypeError as e:
        print(e)
class Boom:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise RuntimeError("boom")
        return self.v < other.v
    def __repr__(self):
        return str(self.v)
items = [Boom(v) for v in [5, 1, 4, 3, 2, 0]]
try:
    items.sort()
except RuntimeError as e:
    print(e, items)
try:
    sorted([1, 2, 3], key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print(e)
