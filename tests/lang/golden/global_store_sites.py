# Module-level names assigned in loops while the module dict changes around them: deleted and
# assigned again, new globals added (the dict grows), globals() written directly, functions
# declaring them global, and augmented assignment of the same name.
total = 0
for i in range(6):
    total += i
    if i == 1:
        del total
        total = 100
    if i == 2:
        for k in range(30):
            globals()[f'filler{k}'] = k
    if i == 3:
        globals()['total'] = -1
    if i == 4:
        globals().pop('total')
        globals()['total'] = 7
    print(i, total)


def bump():
    global total, made
    total += 1000
    made = 'in function'


for j in range(3):
    bump()
    count = j
print(total, made, count, filler29)

for name in ('a', 'b', 'c'):
    last = name
    del last
    try:
        print(last)
    except NameError as e:
        print('NameError', e)
    last = name * 2
print(last, 'name' in globals())
