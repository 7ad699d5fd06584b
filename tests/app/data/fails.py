print("before the error")
raise ValueError("shown in red")
