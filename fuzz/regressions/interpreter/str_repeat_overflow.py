# Found by fuzz_interpreter: 'ab' * 2**61 asked operator new for 2**62 bytes (an abort under
# ASan, std::length_error otherwise); now MemoryError before allocating.
try:
    'ab' * (2 ** 61)
except MemoryError:
    pass
[0] * (2 ** 62)
