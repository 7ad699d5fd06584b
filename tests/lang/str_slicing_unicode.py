# Indexing and slicing count code points, not bytes.
s = "héllo wörld ✓"
print(len(s), s[0], s[1], s[-1], s[6:11], s[::-1], s[::2], s[1:-1:3], s[100:], s[-100:2])
a = "abcdefghij"
print(a[2:8:2], a[::-3], a[8:2:-2], a[-3:], a[:-3], a[5:5], a[::1])
for ch in "aé✓":
    print(ch, end=" ")
print()
print(list("añb"), [c for c in "xÿz"])
for bad in (lambda: a[20], lambda: a[1.5], lambda: a["x"]):
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
