class User:
    def __init__(self, name):
        self.name = name
u = User("ann")
try:
    print(u.nmae)
except AttributeError as e:
    print(e)
print(undefined_variable)
