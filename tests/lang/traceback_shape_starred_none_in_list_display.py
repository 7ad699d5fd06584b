items = [1, *None]
