# Values too large for memory raise MemoryError; none may abort the process.
for make in (lambda: [0] * (2 ** 62), lambda: "ab" * (2 ** 61), lambda: b"x" * (2 ** 62),
             lambda: [1, 2] * (2 ** 40), lambda: 'x' * (2 ** 40)):
    try:
        make()
    except (MemoryError, OverflowError, ValueError):
        pass
