def v(x):
    print("eval", repr(x))
    return x
print(v(0) or v("") or v("last"))
print(v(1) and v(2) and v(0) and v(3))
print(v(None) or v([]))
print(v("a") if v(True) else v("b"))
print(v("a") if v(0) else v("b"))
print(not v([]), not v([0]))
x = 5
print("big" if x > 3 else "small" if x > 1 else "tiny")
print([] or {} or () or "fallback")
print(1 and [] and 2)
print(0 or 0.0, "" and 1)
print(True + True, True * 3, False - 1)
print(isinstance(True, int), True == 1, hash(True) == hash(1))
print(~True, -True, True & False, True | False, True ^ True)
