def v(x):
    print("eval", x)
    return x

print(v(1) < v(2) < v(3))
print(v(1) < v(0) < v(3))
print(v(3) > v(2) == v(2) != v(5))
print(1 < 2 > 1 >= 1 <= 1 == 1)
print(1 in [1] in [[1]])
print(None is None is not False)
x = 5
print(0 < x <= 5, 0 < x < 5)
class Loud:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        print("lt", self.n, o.n)
        return self.n < o.n
    def __bool__(self):
        print("bool", self.n)
        return True
a, b, c = Loud(1), Loud(2), Loud(3)
print(a < b < c)
class Weird:
    def __lt__(self, o): return "truthy string"
print(Weird() < Weird())
print(Weird() < Weird() < Weird())
try:
    1 < "a"
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    None >= None
except TypeError as e:
    print("TypeError:", e)
print(1 == 1.0, "a" != "b", (1, 2) < (1, 3), [1, 2] <= [1, 2])
