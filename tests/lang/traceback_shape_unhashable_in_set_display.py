items = [1]
s = {items, 2}
