# One attribute site reading the same object's dict in a loop while that dict changes (values
# set, the attribute deleted and added again, many others added so the dict grows), then
# other objects through the same site, including ones made after the first was freed.
class Box:
    kind = 'class value'

    def label(self):
        return 'method'


def read(obj):
    try:
        return obj.value, obj.kind, obj.label()
    except AttributeError as e:
        return 'AttributeError: ' + str(e)


b = Box()
b.value = 0
for i in range(8):
    if i == 1:
        b.value = 'changed'
    if i == 2:
        del b.value
    if i == 3:
        b.value = 'back'
    if i == 4:
        for k in range(40):
            setattr(b, f'extra{k}', k)
    if i == 5:
        b.kind = 'shadowing the class'
        b.label = lambda: 'instance function'
    if i == 6:
        del b.kind
        del b.label
        b.__dict__.clear()
        b.value = 'after clear'
    if i == 7:
        b.__dict__.update({'value': 'updated', 'other': 1})
    print(i, read(b))

del b
others = []
for i in range(5):
    o = Box()
    o.value = i * 10
    if i % 2:
        o.kind = 'odd'
    others.append(o)
    print(read(o))
print([read(o)[0] for o in others])
