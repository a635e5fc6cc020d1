msg = “hello”  # — note
x = 1
