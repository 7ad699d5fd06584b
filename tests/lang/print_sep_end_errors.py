# print() with sep/end/flush and its argument errors.
print("a", "b", sep="-", end="!\n")
print("x", 1, None, 2.5, [1], sep="")
print(sep="ignored")
print("no newline", end="")
print()
print("a", "b", sep=None, end=None, flush=True)
for kw in ({"sep": 1}, {"end": []}, {"bogus": 1}):
    try:
        print("x", **kw)
    except TypeError as e:
        print(e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("to", "file", sep="+", file=w)
print(w.parts)
