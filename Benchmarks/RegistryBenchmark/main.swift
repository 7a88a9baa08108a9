print("registry benchmark")
