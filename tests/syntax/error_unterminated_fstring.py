print(f"{name!r} is
