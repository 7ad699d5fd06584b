fns = [lambda x=i: 10 // x for i in range(2)]
print([f() for f in fns])
