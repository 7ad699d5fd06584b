# int methods: bit_length, to_bytes/from_bytes, numerator/denominator and explicit dunders.
print((0).bit_length(), (255).bit_length(), (-256).bit_length(), (2 ** 100).bit_length(), (-5).bit_count())
print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True), (1).to_bytes())
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff", "big", signed=True))
print(True.real, (7).numerator, (7).denominator, (7).imag, (3).conjugate(), (5).as_integer_ratio())
print(int.__add__(1, 2), int.__add__(1, 2.0), int.__radd__(1, 2), int.__sub__(10, 3), int.__rsub__(10, 3))
print((7).__divmod__(2), (2).__rpow__(3), (7).__pow__(2, 5), int.__eq__(1, 1.0), (5).__index__(), (-5).__abs__())
print((1234).__round__(-2), (1250).__round__(-2), (5).__round__(), (5).__float__(), (0).__bool__(), (6).__invert__())
print(format(True, ""), format(True, "d"), format(255, "#x"), format(1234567, ","), format(5, "08b"))
for c in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"),
          lambda: format(True, "s"), lambda: (5).__divmod__(0)):
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
