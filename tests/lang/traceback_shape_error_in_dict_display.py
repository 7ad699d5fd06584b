key = []
d = {key: 1}
