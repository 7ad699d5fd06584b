# partition/rpartition and replace (with count and the empty pattern).
print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "aaaa".replace("a", "b", 0))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("héllo wörld".replace("ö", "o"), "spam".replace("spam", ""))
try:
    "a".partition("")
except ValueError as e:
    print(e)
