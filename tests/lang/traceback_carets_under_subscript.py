data = {"outer": {"inner": [1, 2, 3]}}
value = data["outer"]["inner"][10]
