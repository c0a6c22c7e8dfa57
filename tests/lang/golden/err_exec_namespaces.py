# Errors from exec() and eval() with explicit namespaces.
def show(src):
    try:
        eval(src)
    except Exception as e:
        print(src, "->", type(e).__name__ + ":", e)

show("exec('x = 1', [])")
show("exec('x = 1', (1,))")
show("exec('x = 1', {}, 5)")
show("exec('x = 1', None, 3.5)")
show("eval('1', 5)")
show("eval('1', None, 5)")
show("exec(5, {})")
show("eval(5, {})")
show("eval('missing', {})")
show("eval('missing', {'other': 1}, {'other2': 2})")
show("exec('print(missing)', {'a': 1})")
show("exec('def f(): return missing\\nf()', {})")
ns = {"present": 1}
exec("del present", ns)
print(sorted(ns))
show("exec('del present', {})")
exec("value = missing_too", {"__name__": "sandbox"})
