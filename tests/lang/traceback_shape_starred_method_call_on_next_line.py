class A:
    def go(self, *x):
        return 1 / 0
a = A()
v = (a
     .go(*[1]))
