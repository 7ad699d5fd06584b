# raise SystemExit(n) ends the program quietly with exit status n.
print("exiting with 3")
raise SystemExit(3)
