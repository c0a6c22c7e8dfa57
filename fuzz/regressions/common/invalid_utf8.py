x = 1
y = "aÿþb"
