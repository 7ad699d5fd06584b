class A(*None):
    pass
