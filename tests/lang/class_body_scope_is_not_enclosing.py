x = "global"

class A:
    x = "class"
    y = x
    def method(self):
        return x
    lst = [x for _ in range(2)]
    gen_first = [x + str(i) for i in range(2)]

print(A.y, A().method(), A.lst)

def f():
    x = "func"
    class B:
        print("in B:", x)
        x = "B"
        print("in B after:", x)
        def m(self):
            return x
    return B

B = f()
print(B.x, B().m())

def g():
    y = "enclosing"
    class C:
        z = y
    return C.z
print(g())

class D:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [i * k for i in items for k in items]
    except NameError as e:
        err = str(e)
print(D.doubled, D.err)
