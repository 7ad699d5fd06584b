value = None
print(f"{value.upper()}")
