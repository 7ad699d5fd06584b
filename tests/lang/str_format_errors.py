# str.format error messages.
cases = ["{0}{}", "{}{0}", "{1}", "{a}", "{", "}", "x}y", "{!x}", "{0!}", "{:{:{}}}", "{0[}", "{0.}", "{0]}",
         "{0!rx}", "{0:d}", "{0.nope}", "{0:=5}", "{0:,s}"]
for fmt in cases:
    try:
        print(repr(fmt.format("s")))
    except Exception as e:
        print(fmt, type(e).__name__, e)
try:
    "{0}".format_map({})
except ValueError as e:
    print(e)
