class A(color="red"):
    pass
