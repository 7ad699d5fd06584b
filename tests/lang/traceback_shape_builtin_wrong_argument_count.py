print(len("a", "b"))
