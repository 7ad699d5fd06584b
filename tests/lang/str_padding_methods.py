# center/ljust/rjust/zfill/expandtabs count code points and place the fill like CPython.
for w in range(0, 9):
    print(repr("ab".center(w, "*")), repr("abc".center(w)), repr("é".ljust(w, "-")), repr("é".rjust(w, "+")))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print(repr("a\tbc\tdef\tg".expandtabs()), repr("a\tb".expandtabs(2)), repr("x\ty\nz\tw".expandtabs(4)), repr("\t".expandtabs(0)))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(e)
