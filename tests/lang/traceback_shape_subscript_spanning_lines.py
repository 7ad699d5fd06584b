data = [1, 2]
value = data[
    5
]
