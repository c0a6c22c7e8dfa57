# exec() and eval() with explicit globals / locals dicts, and their default namespaces.

# Definitions and assignments land in the given globals dict, which gains __builtins__.
ns = {}
exec("class Inner:\n    kind = 'inner'\nx = 1\ndef f():\n    return x + 1", ns)
print(sorted(ns))
print(ns["Inner"], ns["Inner"].kind, ns["Inner"].__module__)
print(ns["x"], ns["f"](), ns["f"].__module__, ns["f"].__name__)
print(ns["__builtins__"] is __builtins__.__dict__)

# Functions defined there see the dict as their globals, later changes included.
ns["x"] = 41
print(ns["f"](), ns["f"].__globals__ is ns)
exec("def bump():\n    global x\n    x += 1\n    return x", ns)
print(ns["bump"](), ns["x"])

# Names are looked up in the dict, then in builtins.
print(eval("x * 2 + len('ab')", ns))
print(eval("Inner.kind.upper()", ns))
g = {"a": 3, "b": 4}
print(eval("a ** 2 + b ** 2", g), sorted(g))
print(eval("[n * a for n in range(b)]", g))

# A given __name__ names the module of classes and functions made there.
named = {"__name__": "plugins.extra"}
exec("class Plugin: pass\ndef hook(): pass", named)
print(named["Plugin"], named["Plugin"].__module__, named["hook"].__module__)
print(type("Made", (), {}).__module__)
exec("Made = type('Made', (), {})", named)
print(named["Made"].__module__)

# A __builtins__ already present is kept.
custom = {"__builtins__": __builtins__}
exec("y = abs(-2)", custom)
print(custom["__builtins__"] is __builtins__, custom["y"])

# Separate locals: assignments go to locals, reads see locals, then globals, then builtins.
glob = {"base": 10}
loc = {"offset": 5}
exec("total = base + offset\nimport math\ndef twice(v):\n    return 2 * v", glob, loc)
print(sorted(glob), sorted(loc))
print(loc["total"], loc["math"].sqrt(16), loc["twice"](4))
exec("global shared\nshared = total", glob, loc)
print(glob["shared"], "shared" in loc)
print(eval("base + offset + total", glob, loc))
print(eval("offset", {}, {"offset": 7}))

# Functions defined with separate locals see the globals, not the locals (as class bodies).
exec("hidden = 1\ndef peek():\n    try:\n        return hidden\n    except NameError as e:\n        return str(e)", {}, loc)
print(loc["peek"]())

# globals() and locals() inside exec'd code are the dicts given.
seen = {}
exec("seen_g = globals()\nseen_l = locals()", seen)
print(seen["seen_g"] is seen, seen["seen_l"] is seen)
lo = {}
exec("g2 = globals()\nl2 = locals()", seen, lo)
print(lo["g2"] is seen, lo["l2"] is lo)

# except ... as name unbinds the name in the namespace it bound it in.
caught = {}
exec("try:\n    1 / 0\nexcept ZeroDivisionError as err:\n    msg = str(err)", {}, caught)
print(caught)

# No dicts at module level: the module's globals.
exec("module_level = 'set'")
print(module_level, eval("module_level + '!'"))

# No dicts in a function: reads see its variables; writes go to a snapshot, not the module.
def inside():
    local_value = 6
    exec("print('exec sees', local_value)")
    exec("written = 1")
    print(eval("local_value * 7"), "written" in globals())
inside()

# No dicts in a class body: the class namespace.
class Config:
    size = 3
    exec("double = size * 2")
    print(eval("size + double"))
print(Config.double)

# Passing the module's own globals keeps its identity.
exec("def mod_fn():\n    return module_level", globals())
print(mod_fn(), mod_fn.__module__, mod_fn.__globals__ is globals())
