# int/float semantics: division, floor division and modulo of negatives, powers, big ints
print(7 / 2, 7 // 2, -7 // 2, 7 // -2, -7 % 3, 7 % -3, -7.5 // 2, -7.5 % 2)
print(2 ** 10, 2 ** -1, 2 ** 0.5, (-8) ** 2, 10 ** 20, 3 ** 40)
print(1 << 70, (1 << 70) >> 65, -1 >> 3, 5 & 3, 5 | 3, 5 ^ 3, ~5)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
big = 12345678901234567890123
print(big * big, big // 7, big % 7, -big // 7, big / 3)
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 123456789.123, 1.0, -0.0, 1e300 * 10)
print(abs(-3), abs(-2.5), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234, -2), round(1.5), round(0.125, 2))
print(int("42"), int("-0x1f", 16), int("1_000"), int(3.99), int(-3.99), float("1e3"), float(" 2.5 "))
print(True + True, True * 3, 3 - False, 10 / 4, 10 // 4.0)
print(max(3, 7, 1), min([4, 2, 8]), sum([1, 2, 3], 10), sum([0.1] * 10))
print(hex(255), oct(8), bin(10), hex(-255), int("ff", 16), int("0b101", 0))
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1.0, (1, 2) < (1, 3), [1, 2] == [1, 2], "a" < "b")
print(float("inf"), -float("inf"), float("nan") != float("nan"), 1e22, 1e21, 12345678912345678.0)
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
print(5 % 0.3, 2 ** 62 * 4, -(2 ** 63), 7.0 // 0.5, 3.7 % 1)
