def risky():
    try:
        raise KeyError("first")
    finally:
        print("cleanup running")
        undefined_name

risky()
