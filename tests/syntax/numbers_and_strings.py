big = 123456789012345678901234567890123456789
huge_hex = 0xDEADBEEFDEADBEEFDEADBEEFDEADBEEF
edge = 9223372036854775807, 9223372036854775808, -9223372036854775808
floats = 0.1, 1., .5, 1e308, 1e309, 5e-324, 1_0.0_1
imaginary = 1j, 2.5J, 0j, 1e3j
escapes = "\a\b\f\n\r\t\v\\\'\"\101\x41\u0041\U00000041\0\777\q"
bytes_escapes = b"\a\x00\xff\777\d"
unicode = "caf\u00e9 — naïve ✓"
continued = "one \
two"
