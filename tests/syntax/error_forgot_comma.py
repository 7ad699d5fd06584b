tasks = [
    worker("a")
    worker("b"),
]
