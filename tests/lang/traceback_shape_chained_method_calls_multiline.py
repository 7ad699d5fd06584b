text = "a,b"
result = (text
          .split(",")
          .missing())
