x = "café" + 1 1
