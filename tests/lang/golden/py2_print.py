# Python 2 print statements (seen in a seed) run as print() calls. CPython 3 rejects this
# file, so py2_print.out is written by hand.
x = 5
print 'py2 style', 1 + 1
print "trailing",
print "comma"
print x, [x]
print("normal", x)
