# Private names that appear only inside f-string expressions (and in exec'd source) are still
# mangled with the class name.
class Box:
    def show(self, other):
        return f"{other.__secret} and {other.__secret!r:>6}"


class Holder:
    pass


h = Holder()
h._Box__secret = "kept"
print(Box().show(h))

exec("class Inner:\n    def peek(self, o):\n        return f'{o.__v}'\n")
o = Holder()
o._Inner__v = 42
print(Inner().peek(o))


class ___:
    def get(self):
        return f"{self.___}"


try:
    ___().get()
except AttributeError as e:
    print("AttributeError:", e)
