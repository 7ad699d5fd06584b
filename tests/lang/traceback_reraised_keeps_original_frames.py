def inner():
    raise KeyError("deep")

def middle():
    try:
        inner()
    except KeyError:
        print("logging and reraising")
        raise

def outer():
    middle()

outer()
