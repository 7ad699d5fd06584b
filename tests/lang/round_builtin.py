# round() uses banker's rounding and __round__.
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(123.456, -1), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(5), round(5, 2), round(-0.0), round(1e300, -300), round(2.5, None))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
for c in (lambda: round("x"), lambda: round(float("inf")), lambda: round(float("nan")), lambda: round()):
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
