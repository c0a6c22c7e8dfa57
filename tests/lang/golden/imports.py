import os
import sys
import math
import time
import os.path
import os.path as osp
from math import sqrt, pi as PI
import mod_helper
import mod_helper as mh
from mod_helper import greet, Thing
from mod_helper import *
print(mod_helper.VALUE, mh is mod_helper, greet("x"), Thing().made_in, VALUE)
try:
    print(_private)
except NameError as e:
    print("NameError", e)
print(sqrt(16), round(PI, 5), math.floor(2.7), math.ceil(2.1), math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18))
print(osp.join("a", "b", "c.txt"), os.path.basename("/x/y.py"), os.path.dirname("/x/y.py"), osp is os.path)
print(os.path.splitext("name.tar.gz"), os.path.exists("/definitely/not/here"), type(os.getcwd()).__name__)
print(os.environ.get("ORMSH_GOLDEN_UNSET", "default"), os.getenv("ORMSH_GOLDEN_UNSET") is None)
print(type(time.time()).__name__, time.perf_counter() >= 0, sys.version_info[0], sys.argv[0].endswith("imports.py"))
print(math.factorial(20), math.sqrt(2), math.log(math.e), math.log10(1000), math.pow(2, 10), math.inf > 1e308)
sys.stdout.write("written\n")
print("to stderr", file=sys.stderr)
print(sorted(k for k in dir(mod_helper) if not k.startswith("__")))
try:
    from mod_helper import nothing_here
except ImportError as e:
    print("ImportError")
try:
    import no_such_mod_xyz
except ModuleNotFoundError as e:
    print(e, e.name)
print(__name__)
