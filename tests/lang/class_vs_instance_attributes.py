class Counter:
    count = 0
    shared = []
    def __init__(self):
        Counter.count += 1
        self.shared.append(Counter.count)
        self.own = [Counter.count]

a = Counter(); b = Counter()
print(Counter.count, a.count, b.count)
print(a.shared is b.shared, a.shared)
a.count = 100
print(a.count, b.count, Counter.count)
del a.count
print(a.count)
try:
    del a.count
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(vars(a)))
print("count" in Counter.__dict__, "own" in Counter.__dict__)
Counter.extra = "added later"
print(b.extra)
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Counter.missing
except AttributeError as e:
    print("AttributeError:", e)
