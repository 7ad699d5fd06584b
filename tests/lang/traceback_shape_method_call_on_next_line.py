class A:
    def go(self, x):
        return 1 / x
a = A()
try:
    (a
     .go(0))
except ZeroDivisionError:
    pass
r = (a
     .go(
        0))
