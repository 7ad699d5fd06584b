data = [1, None, 3]
big = [x for x in data if x > 1]
