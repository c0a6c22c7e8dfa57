# helper module imported by imports.py
VALUE = 42
_private = "hidden"
def greet(name):
    return f"hello {name}"
class Thing:
    def __init__(self):
        self.made_in = __name__
print("mod_helper imported as", __name__)
