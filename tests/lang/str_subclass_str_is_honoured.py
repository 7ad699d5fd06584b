# A str subclass that overrides __str__ is converted through it by print, %s, format() and f-strings.
class S(str):
    def __str__(self):
        return "custom"
s = S("raw")
print(s)
print("%s" % s, "{}".format(s), format(s), str(s), f"{s}")
print("-".join([s, s]), s + "!", "{:>5}".format(s), repr(s), len(s))
