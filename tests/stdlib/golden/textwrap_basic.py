# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper options.
import textwrap

text = ("The quick brown fox jumps over the lazy dog; a well-known pangram, used to test "
        "type-faces and keyboards since the late nineteenth century.   Extra   spaces\tand tabs.")
for width in (10, 20, 33, 70):
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 40))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.wrap("a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p", 6))
print(textwrap.wrap("--option-name and -x flags", 8))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.shorten("Hello  world! This is a long sentence.", width=20))
print(textwrap.shorten("Hello world", width=11))
print(textwrap.shorten("Hello world and more", width=15, placeholder="..."))
print(textwrap.fill(text, 25, max_lines=2))
block = """
    def seed():
        db.create_all()

      # comment
    return
"""
print(repr(textwrap.dedent(block)))
print(repr(textwrap.dedent("  a\n\tb\n")))
print(textwrap.indent("one\n\ntwo\n", "> "))
print(textwrap.indent("one\n\ntwo\n", "+ ", lambda line: True))
w = textwrap.TextWrapper(width=15, drop_whitespace=False, replace_whitespace=False)
print(w.wrap("keep  the spaces between words"))
print(textwrap.TextWrapper(width=12, break_on_hyphens=False).wrap("non-breaking hyphen-words here"))
