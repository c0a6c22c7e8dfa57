import sys
print(len(sys.argv), sys.argv[0].endswith("sys_argv.py"), sys.argv[1:])
print(sys.platform.startswith("linux"), type(sys.path).__name__, sys.maxsize > 2 ** 31)
sys.stderr.write("err line\n")
sys.exit(0)
