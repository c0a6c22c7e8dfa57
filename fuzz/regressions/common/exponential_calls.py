# Exponential recursion without loops: bounded by the call-count poll of the time budget.
def f(n):
    return 0 if n == 0 else f(n - 1) + f(n - 1)
try:
    f(60)
except KeyboardInterrupt:
    pass
f(60)
