# printf-style % formatting errors, in CPython's order of checks.
cases = [("%s %s", (1,)), ("%s", (1, 2)), ("abc", 5), ("%d", "x"), ("%f", "x"), ("%x", 1.5), ("%c", "ab"),
         ("%c", 0x110000), ("%(a)s", 1), ("%(a)s", {}), ("%z", 1), ("%", ()), ("%(a", {"a": 1}), ("%*d", ("a", 1))]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
