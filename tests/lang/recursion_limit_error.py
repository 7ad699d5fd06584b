def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def mutual_a(n): return mutual_b(n)
def mutual_b(n): return mutual_a(n)
try:
    mutual_a(0)
except RecursionError as e:
    print("RecursionError:", e)

class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError:", e)

def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth() > 900)
down(0)
