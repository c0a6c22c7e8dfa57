# input(): the prompt goes to stdout, a line is read from stdin, EOFError at its end.
name = input("Name: ")
print("hello", repr(name))
age = int(input())
print("next year", age + 1)
rest = []
while True:
    try:
        rest.append(input("> "))
    except EOFError:
        print("EOF reached")
        break
print(rest)
