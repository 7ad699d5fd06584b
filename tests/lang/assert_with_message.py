def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x

print(check(1))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("empty:", repr(e), e.args)
try:
    assert [], ("tuple", "message")
except AssertionError as e:
    print(e.args)
evaluated = []
assert True, evaluated.append("never")
print(evaluated)
class Msg:
    def __str__(self): return "custom message object"
try:
    assert 0, Msg()
except AssertionError as e:
    print(e)
assert 1 == 2, "final assertion"
