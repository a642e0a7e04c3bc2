print("mulu")
