# str.split / rsplit / splitlines / join, with separators, maxsplit and whitespace rules.
print("a b  c\td\n".split())
print("  leading and trailing  ".split())
print("a,b,,c,".split(","))
print("a,b,c".split(",", 1))
print("a,b,c".rsplit(",", 1))
print("a b c d".split(maxsplit=2))
print("a b c d".rsplit(None, 2), " a b c ".split(None, 1), " a b c ".rsplit(None, 1), "  x  ".split(maxsplit=0))
print("".split(), "".split(","))
print("x\x1cy\x1fz".split())
print("a::b::c".split("::"))
print("line1\nline2\r\nline3\rline4".splitlines())
print("keep\nends\n".splitlines(True))
print("-".join(["a", "b", "c"]))
print(", ".join(str(i) for i in range(5)))
print("".join([]))
print("é-ü".split("-"), "ñ ñ".split())
for bad in (lambda: "a".split(""), lambda: ",".join([1, 2]), lambda: "".join(5), lambda: "a".split(1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
