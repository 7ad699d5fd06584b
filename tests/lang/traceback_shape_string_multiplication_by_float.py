line = "-" * 2.5
