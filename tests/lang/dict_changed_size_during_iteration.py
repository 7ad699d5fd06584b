# Mutating a dict or set while iterating raises RuntimeError.
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
d2 = {1: 1, 2: 2}
for k in d2:
    d2[k] = "changed values are fine"
print(d2)
try:
    for k in d2.items():
        del d2[1]
except RuntimeError as e:
    print(e)
