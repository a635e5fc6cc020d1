msg = "hi"
x = 1
