# str.format: auto and manual numbering, names, attribute/index lookups, conversions, nested specs.
class P:
    x = 3
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p!"
print("{} and {}".format("a", "b"))
print("{1} before {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=7))
print("{0.x} {0!r} {0!s} {0}".format(P()))
print("{d[key]} {l[1]} {l[0]}".format(d={"key": "v"}, l=[10, 20]))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:+d} {:,} {:x} {:#o} {:e}".format(3.14159, 5, 1234567, 255, 8, 12345.678))
print("{0:{1}}|{0:>{2}}".format("x", 5, 3))
print("{!a}".format("é"), "{{literal}}".format(), "{:%}".format(0.25))
print("{0[0]}{0[1]}".format("ab"), "{:s}".format("plain"))
print("x".format_map({}), "{a}-{b}".format_map({"a": 1, "b": 2}))
