# find/rfind/index/rindex/count/startswith/endswith with start and end arguments.
s = "hello world, hello there"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("zzz"))
print(s.find("o", 5, 10), s.rfind("o", 0, 8), s.find("", 3), s.find("", 100))
print(s.index("world"), s.rindex("hello"))
print(s.count("l"), s.count("hello"), s.count(""), s.count("l", 3, 10), "aaaa".count("aa"))
print(s.startswith("hello"), s.startswith("world", 6), s.endswith("there"), s.endswith("hello", 0, 5))
print(s.startswith(("x", "he")), s.endswith(("re", "zz")), "abc".startswith("", 3), "abc".startswith("", 4))
u = "naïve café naïve"
print(u.find("café"), u.rfind("naïve"), u.index("ï"), u.count("ï"), len(u))
print("abc".find("c", -1), "abc".find("a", -10, -2))
for bad in (lambda: s.index("zzz"), lambda: s.rindex("q"), lambda: s.find(1), lambda: s.startswith(1),
            lambda: s.startswith(("a", 1)), lambda: s.count()):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
