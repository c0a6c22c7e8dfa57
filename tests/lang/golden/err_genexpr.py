# An exception inside a generator expression: the traceback has its <genexpr> frame.
def bad(x):
    return 10 // x
print(sum(bad(x) for x in [1, 0]))
