def msg():
    return "computed"

assert 1 > 2, msg()
