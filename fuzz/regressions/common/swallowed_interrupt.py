# An except clause that swallows KeyboardInterrupt must not defeat the time budget.
while True:
    try:
        while True:
            pass
    except:
        pass
