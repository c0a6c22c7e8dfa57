import enum
import json
from enum import Enum, IntEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias

    def describe(self):
        return f"{self.name.lower()} ({self.value})"

    @property
    def is_warm(self):
        return self is Color.RED


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color.GREEN.describe(), Color.RED.is_warm)
print(list(Color), len(Color), [c.name for c in Color], Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(Color(1) is Color.RED, Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED).__name__)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, {Color.RED: "r"}[Color.RED])
print(Color, repr(Color), sorted(Color.__members__), f"{Color.RED}", "%s" % Color.GREEN, str(Color.BLUE))
print({c: c.value for c in Color}, Color.RED.__class__ is Color)


class Status(IntEnum):
    ACTIVE = 1
    INACTIVE = 0
    BANNED = -1


print(Status.ACTIVE, repr(Status.ACTIVE), Status.ACTIVE == 1, Status.ACTIVE + 1, Status.BANNED < Status.ACTIVE)
print(sorted(Status), int(Status.INACTIVE), Status(0), f"{Status.ACTIVE}", [s for s in Status if s > 0])
print(json.dumps({"status": Status.ACTIVE}), bool(Status.INACTIVE), Status.ACTIVE * 10, hash(Status.ACTIVE) == hash(1))


class Role(str, Enum):
    ADMIN = "admin"
    USER = "user"


print(Role.ADMIN, repr(Role.ADMIN), Role.ADMIN == "admin", Role("user"), Role.ADMIN.value, Role.ADMIN.upper())
print(json.dumps([Role.USER]), f"{Role.ADMIN}", list(Role), Role.USER.name)


class Weekday(Enum):
    MON = auto()
    TUE = auto()
    WED = auto()


class Mode(enum.StrEnum):
    FAST = auto()
    SLOW = "slow-mode"


print(list(Weekday), Weekday.WED.value, list(Mode), Mode.FAST, repr(Mode.FAST), Mode.SLOW == "slow-mode")


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.mass, round(Planet.EARTH.gravity, 2), Planet.MERCURY.value, repr(Planet.EARTH))


class Shape(Enum):
    CIRCLE = "circle"
    SQUARE = "square"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Shape("CIRCLE"), Shape("square"))
for bad in [lambda: Color(7), lambda: Color["PURPLE"], lambda: Shape(3), lambda: Status(5),
            lambda: unique(Color)]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)


@unique
class Size(Enum):
    S = 1
    M = 2


print(list(Size), Size.M.value)
