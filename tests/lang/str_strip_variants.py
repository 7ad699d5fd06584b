# strip/lstrip/rstrip with default whitespace and explicit character sets.
print(repr("  \t hi \n ".strip()))
print(repr("xxhixx".strip("x")), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")))
print(repr("abcba".strip("ab")))
print(repr("éaé".strip("é")))
print(repr("\u3000wide\u3000".strip()))
print(repr("".strip()), repr("   ".strip()))
print(repr("hello".removeprefix("he")), repr("hello".removesuffix("lo")), repr("hello".removeprefix("x")))
try:
    "a".strip(5)
except TypeError as e:
    print(e)
