value = "text"
raise value
