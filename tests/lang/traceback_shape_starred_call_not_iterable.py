def f(*a):
    pass

f(*None)
