for i in range(3):
    if i == 5:
        break
else:
    print("for else runs without break")
for i in range(3):
    if i == 1:
        break
else:
    print("never")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
for x in []:
    pass
else:
    print("empty for else")
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        if i == 1:
            continue
        print(i, j)
    else:
        print("inner else")
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    print("item", x)
i = 10
for i in range(0):
    pass
print(i)
d = {"a": 1}
for k in d:
    print(k)
it = iter(range(5))
for x in it:
    if x == 1:
        next(it)
    print("skip", x)
