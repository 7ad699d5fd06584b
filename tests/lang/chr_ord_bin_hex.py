# chr/ord/bin/oct/hex/ascii/format/repr/len/abs/divmod/pow.
print(chr(65), chr(233), chr(0x1F600) == "\U0001F600", ord("A"), ord("é"), ord(b"a"))
print(bin(10), bin(-10), oct(64), hex(255), hex(-1), bin(0), hex(2 ** 70))
print(ascii("é✓"), ascii([1, "ü"]), repr("x"), format(3.14159, ".2f"), format("s", ">4"), format(42))
print(abs(-3), abs(2.5), abs(-0.0), divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(2.0, 3))
print(len("héllo"), len([1, 2]), len({1: 2}), len(range(10)), hash(1) == hash(1.0), hash("a") == hash("a"))
for f in (lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(1), lambda: hex(1.5), lambda: abs("a"),
          lambda: divmod("a", 1), lambda: pow(2.0, 3, 5), lambda: len(5), lambda: hash([]), lambda: format(1, 2), lambda: divmod(1, 0)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
