# int() from strings, floats, bytes and other bases, with CPython's error messages.
print(int(), int(" 42 "), int("-7"), int("1_000"), int("0x1f", 0), int("ff", 16), int("0b101", 0), int("z", 36))
print(int(3.99), int(-3.99), int(True), int(b"12"), int("١٢"), int("+5"))
print(int("12345678901234567890123"), int(2.5e20))
class Idx:
    def __index__(self):
        return 9
class Trunc:
    def __int__(self):
        return 4
print(int(Idx()), int(Trunc()))
cases = [lambda: int("abc"), lambda: int("_1"), lambda: int(""), lambda: int("1", 1), lambda: int(1.5, 10),
         lambda: int([]), lambda: int(None), lambda: int(float("inf")), lambda: int(float("nan")), lambda: int("12", base=2),
         lambda: int(x=5), lambda: int("9" * 5000)]
for c in cases:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
