try:
    {}[("tuple", "key")]
except KeyError as e:
    print(repr(e), str(e))
try:
    raise ValueError()
except ValueError as e:
    print(repr(str(e)))
raise RuntimeError
