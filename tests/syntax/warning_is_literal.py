def check(x):
    if x is "ready":
        return True
    assert (x, "not ready")
return
