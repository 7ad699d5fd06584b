print("value:", 1 + "1")
