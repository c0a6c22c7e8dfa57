# logging: levels, the logger hierarchy, handlers, formatters, basicConfig and exceptions.
import io
import logging
import re
import sys

print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.WARN)
print(logging.getLevelName(10), logging.getLevelName("ERROR"), logging.getLevelName(15))
root = logging.getLogger()
print(repr(root), root is logging.getLogger("root"), root.level)
app = logging.getLogger("app")
models = logging.getLogger("app.models")
print(repr(models), models.parent is app, app.parent is root, models.getEffectiveLevel())
print(logging.getLogger("app.models") is models, models.name)

# Module-level calls configure the root logger once, on stdout here.
logging.basicConfig(stream=sys.stdout, level=logging.INFO)
logging.info("seeding %d users", 5)
logging.debug("not shown")
logging.warning("disk at %s%%", 91)
models.info("created %s", {"id": 1})
models.info("mapping %(name)s has %(n)d rows", {"name": "user", "n": 3})
app.setLevel(logging.WARNING)
models.info("suppressed by app's level")
models.error("shown: %r", "boom")
print(models.isEnabledFor(logging.INFO), models.isEnabledFor(logging.ERROR),
      models.getEffectiveLevel())
app.setLevel("DEBUG")
models.debug("debug now visible")
try:
    app.setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)

# A handler of its own, not propagating; a formatter with name, level and message.
buffer = io.StringIO()
handler = logging.StreamHandler(buffer)
handler.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s: %(message)s"))
handler.setLevel(logging.WARNING)
quiet = logging.getLogger("quiet")
quiet.addHandler(handler)
quiet.propagate = False
quiet.setLevel(logging.DEBUG)
quiet.info("below the handler level")
quiet.warning("to the buffer")
quiet.critical("critical %s", "too")
quiet.log(logging.ERROR, "via log()")
print(buffer.getvalue(), end="")
print(len(quiet.handlers), quiet.hasHandlers())

# {}-style formatting and asctime with and without datefmt.
styled = io.StringIO()
h2 = logging.StreamHandler(styled)
h2.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
other = logging.getLogger("other")
other.addHandler(h2)
other.propagate = False
other.warning("braces")
print(styled.getvalue(), end="")
timed = io.StringIO()
h3 = logging.StreamHandler(timed)
h3.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
h4 = logging.StreamHandler(timed)
h4.setFormatter(logging.Formatter("%(asctime)s %(message)s", datefmt="%Y/%m/%d"))
clock = logging.getLogger("clock")
clock.addHandler(h3)
clock.addHandler(h4)
clock.propagate = False
clock.error("tick")
lines = timed.getvalue().splitlines()
print(bool(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} tick", lines[0])), lines[0][-4:])
print(bool(re.fullmatch(r"\d{4}/\d\d/\d\d tick", lines[1])))

# exception() adds the traceback after the message.
caught = io.StringIO()
h5 = logging.StreamHandler(caught)
h5.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
errors = logging.getLogger("errors")
errors.addHandler(h5)
errors.propagate = False
try:
    {}["missing"]
except KeyError:
    errors.exception("lookup failed")
text = caught.getvalue()
print(text.splitlines()[0], text.splitlines()[1], text.splitlines()[-1])

# Disabling, re-configuring with force, and the lone-logger last resort on stderr.
logging.disable(logging.WARNING)
logging.warning("disabled")
logging.error("errors still pass")
logging.disable(logging.NOTSET)
logging.basicConfig(stream=sys.stdout, format="%(name)s/%(levelname)s/%(message)s", force=True)
logging.getLogger("x.y").warning("forced format")
print(len(root.handlers), root.level)
try:
    logging.basicConfig(stream=sys.stdout, filename="x.log", force=True)
except ValueError as e:
    print("ValueError:", e)
record = logging.LogRecord("n", logging.INFO, "/tmp/m.py", 3, "a %s", ("b",), None)
print(record.getMessage(), record.levelname, record.module, record.filename)

# The caller's module, function and line.
where = io.StringIO()
h6 = logging.StreamHandler(where)
h6.setFormatter(logging.Formatter("%(module)s.%(funcName)s:%(lineno)d %(filename)s %(message)s"))
located = logging.getLogger("located")
located.addHandler(h6)
located.propagate = False


def seed_users():
    located.warning("inside a function")


seed_users()
located.warning("at module level")
print(where.getvalue(), end="")
