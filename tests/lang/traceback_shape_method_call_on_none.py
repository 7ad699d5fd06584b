items = {"a": None}
items["a"].append(1)
