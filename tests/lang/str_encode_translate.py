# encode (utf-8/ascii/latin-1), maketrans and translate.
print("héllo".encode(), "abc".encode("ascii"), "é".encode("latin-1"), "é".encode("ascii", "replace"))
for enc in ("ascii", "nope"):
    try:
        "é".encode(enc)
    except Exception as e:
        print(type(e).__name__, e)
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcdd cab".translate(t))
print("hello".translate({ord("l"): None, ord("h"): "J"}))
print(str.maketrans({"a": "b", 99: None}))
print(str(b"bytes"), str(b"caf\xc3\xa9", "utf-8"), str(), str(42), str(object=[1]))
