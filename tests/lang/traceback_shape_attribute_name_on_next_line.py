class A:
    pass
a = A()
v = (a.
     missing)
