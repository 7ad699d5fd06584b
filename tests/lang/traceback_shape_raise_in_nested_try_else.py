try:
    pass
except ValueError:
    pass
else:
    raise RuntimeError("from else")
