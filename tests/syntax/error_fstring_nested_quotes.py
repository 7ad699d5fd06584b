d = {"key": 1}
print(f"{d["key"]}")
