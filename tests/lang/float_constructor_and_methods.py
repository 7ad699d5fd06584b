# float(): parsing, conversion errors, and float methods.
print(float(), float(" 1.5 "), float("1e3"), float("-inf"), float("nan"), float("1_0.5"), float(3), float(True), float(b"2.5"))
print(float("1e500"), float("-1e-500"))
for c in (lambda: float("abc"), lambda: float([]), lambda: float(10 ** 400), lambda: float(x=1)):
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
print((1.5).hex(), (0.1).hex(), (-0.0).hex(), (5e-324).hex(), float("inf").hex())
print((1.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.0).as_integer_ratio())
print((1.0).is_integer(), (1.5).is_integer(), (2.5).real, (2.5).imag, (2.5).conjugate())
print((2.7).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__(), (2.5).__round__(), (2.675).__round__(2))
print(float.__add__(1.0, 2), float.__radd__(1.5, 2), float.__eq__(1.0, 1), float.__add__(1.0, "x"))
for c in (lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio(), lambda: (1.0).__divmod__(0)):
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
