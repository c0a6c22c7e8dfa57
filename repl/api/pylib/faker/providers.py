"""The faker providers other than dates: people, addresses, phones, companies, the internet,
lorem text, Python values, colours and the random helpers they share. Each class is a mixin
of faker.Faker and draws from self.random."""
from faker import words

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"
_HEX = "0123456789abcdef"
_PUNCTUATION = "!@#$%^&*()_+-="


class BaseProvider:
    """Random helpers every provider uses (and scripts call directly). Also the base of a
    script's own providers: MyProvider(BaseProvider) added with fake.add_provider(MyProvider)
    draws from that Faker's random generator."""

    def __init__(self, generator):
        self.generator = generator

    @property
    def random(self):
        return self.generator.random

    def random_int(self, min=0, max=9999, step=1):
        return self.random.randrange(min, max + 1, step)

    def random_digit(self):
        return self.random.randint(0, 9)

    def random_digit_not_null(self):
        return self.random.randint(1, 9)

    def random_number(self, digits=None, fix_len=False):
        if digits is None:
            digits = self.random_digit_not_null()
        if digits < 0:
            raise ValueError("The digit parameter must be greater than or equal to 0.")
        if fix_len:
            if digits == 0:
                raise ValueError("A number of fixed length cannot have less than 1 digit in it.")
            return self.random.randint(10 ** (digits - 1), 10 ** digits - 1)
        return self.random.randint(0, 10 ** digits - 1)

    def random_letter(self):
        return self.random.choice(_LETTERS)

    def random_letters(self, length=16):
        return [self.random_letter() for _ in range(length)]

    def random_lowercase_letter(self):
        return self.random.choice(_ASCII_LOWER)

    def random_uppercase_letter(self):
        return self.random.choice(_ASCII_UPPER)

    def random_element(self, elements=("a", "b", "c")):
        if isinstance(elements, dict):
            return self._weighted_choice(list(elements.keys()), list(elements.values()))
        if not elements:
            raise IndexError("Cannot choose from an empty sequence")
        return self.random.choice(list(elements))

    def random_elements(self, elements=("a", "b", "c"), length=None, unique=False,
                        use_weighting=None):
        if length is None:
            length = self.random.randint(1, len(elements))
        if unique:
            if length > len(elements):
                raise ValueError("Sample length cannot be longer than the number of unique "
                                 "elements to pick from.")
            return self.random.sample(list(elements), length)
        return [self.random_element(elements) for _ in range(length)]

    def random_choices(self, elements=("a", "b", "c"), length=None):
        return self.random_elements(elements, length, unique=False)

    def random_sample(self, elements=("a", "b", "c"), length=None):
        return self.random_elements(elements, length, unique=True)

    def randomize_nb_elements(self, number=10, le=False, ge=False, min=None, max=None):
        low = 100 if ge else 60
        high = 100 if le else 140
        result = int(number * self.random.randint(low, high) / 100)
        if min is not None and result < min:
            result = min
        if max is not None and result > max:
            result = max
        return result

    def numerify(self, text="###"):
        """'#' becomes a digit, '%' a non-zero digit, '!' a digit or nothing."""
        out = []
        for ch in text:
            if ch == "#":
                out.append(str(self.random_digit()))
            elif ch == "%":
                out.append(str(self.random_digit_not_null()))
            elif ch == "!":
                if self.random.randint(0, 1):
                    out.append(str(self.random_digit()))
            else:
                out.append(ch)
        return "".join(out)

    def lexify(self, text="????", letters=_LETTERS):
        return "".join(self.random.choice(letters) if ch == "?" else ch for ch in text)

    def bothify(self, text="## ??", letters=_LETTERS):
        return self.lexify(self.numerify(text), letters)

    def hexify(self, text="^^^^", upper=False):
        digits = _HEX.upper() if upper else _HEX
        return "".join(self.random.choice(digits) if ch == "^" else ch for ch in text)

    def _weighted_choice(self, items, weights):
        total = float(sum(weights))
        point = self.random.random() * total
        running = 0.0
        for item, weight in zip(items, weights):
            running += weight
            if point < running:
                return item
        return items[-1]

    def _chance(self, percent):
        return self.random.randint(1, 100) <= percent


class PersonProvider(BaseProvider):
    def first_name_female(self):
        return self.random.choice(words.FIRST_NAMES_FEMALE)

    def first_name_male(self):
        return self.random.choice(words.FIRST_NAMES_MALE)

    def first_name(self):
        if self.random.randint(0, 1):
            return self.first_name_female()
        return self.first_name_male()

    def first_name_nonbinary(self):
        return self.first_name()

    def last_name(self):
        return self.random.choice(words.LAST_NAMES)

    last_name_male = last_name
    last_name_female = last_name

    def prefix_female(self):
        return self.random.choice(words.PREFIXES_FEMALE)

    def prefix_male(self):
        return self.random.choice(words.PREFIXES_MALE)

    def prefix(self):
        return self.random.choice(words.PREFIXES_FEMALE + words.PREFIXES_MALE)

    def suffix(self):
        return self.random.choice(words.SUFFIXES)

    suffix_male = suffix
    suffix_female = suffix

    def _full_name(self, first, prefix):
        roll = self.random.randint(1, 100)
        name = first + " " + self.last_name()
        if roll <= 8:
            return prefix + " " + name
        if roll <= 14:
            return name + " " + self.suffix()
        return name

    def name_female(self):
        return self._full_name(self.first_name_female(), self.prefix_female())

    def name_male(self):
        return self._full_name(self.first_name_male(), self.prefix_male())

    def name(self):
        if self.random.randint(0, 1):
            return self.name_female()
        return self.name_male()

    def name_nonbinary(self):
        return self.name()


class AddressProvider(BaseProvider):
    def building_number(self):
        return self.numerify(self.random.choice(("%####", "%###", "%##", "%#")))

    def street_suffix(self):
        return self.random.choice(words.STREET_SUFFIXES)

    def street_name(self):
        if self._chance(25):
            root = self.last_name()
        else:
            root = self.random.choice(words.STREET_NAMES)
        return root + " " + self.street_suffix()

    def secondary_address(self):
        return self.numerify(self.random.choice(words.SECONDARY_ADDRESS_FORMATS))

    def street_address(self):
        address = self.building_number() + " " + self.street_name()
        if self._chance(20):
            address += " " + self.secondary_address()
        return address

    def city_prefix(self):
        return self.random.choice(words.CITY_PREFIXES)

    def city_suffix(self):
        return self.random.choice(words.CITY_SUFFIXES)

    def city(self):
        root = self.random.choice(words.CITY_ROOTS)
        roll = self.random.randint(1, 4)
        if roll == 1:
            return self.city_prefix() + " " + root + self.city_suffix()
        if roll == 2:
            return self.last_name() + self.city_suffix()
        return root + self.city_suffix()

    def state(self):
        return self.random.choice(words.STATES)[0]

    administrative_unit = state

    def state_abbr(self, include_territories=True, include_freely_associated_states=True):
        return self.random.choice(words.STATES)[1]

    def postcode(self):
        return self.numerify("%####")

    zipcode = postcode

    def zipcode_plus4(self):
        return self.postcode() + "-" + self.numerify("####")

    def country(self):
        return self.random.choice(words.COUNTRIES)

    def country_code(self, representation="alpha-2"):
        return self.random.choice(words.COUNTRY_CODES)

    def current_country(self):
        return "United States"

    def address(self):
        return "%s\n%s, %s %s" % (self.street_address(), self.city(), self.state_abbr(),
                                  self.postcode())

    def latitude(self):
        return round(self.random.uniform(-90.0, 90.0), 6)

    def longitude(self):
        return round(self.random.uniform(-180.0, 180.0), 6)


class PhoneProvider(BaseProvider):
    _PHONE_FORMATS = (
        "(%##)%##-####", "%##-%##-####", "%##.%##.####", "+1-%##-%##-####",
        "%##-%##-####x###", "(%##)%##-####x####", "001-%##-%##-####", "%##%######",
    )

    def phone_number(self):
        return self.numerify(self.random.choice(self._PHONE_FORMATS))

    def msisdn(self):
        return self.numerify("%############")

    def country_calling_code(self):
        return "+" + str(self.random.randint(1, 998))


class CompanyProvider(BaseProvider):
    def company_suffix(self):
        return self.random.choice(words.COMPANY_SUFFIXES)

    def company(self):
        roll = self.random.randint(1, 3)
        if roll == 1:
            return self.last_name() + " " + self.company_suffix()
        if roll == 2:
            return self.last_name() + "-" + self.last_name()
        return "%s, %s and %s" % (self.last_name(), self.last_name(), self.last_name())

    def job(self):
        return self.random.choice(words.JOBS)

    def catch_phrase(self):
        return "%s %s" % (self.random.choice(words.CATCH_PHRASE_ADJECTIVES),
                          self.random.choice(words.CATCH_PHRASE_NOUNS))

    def bs(self):
        return "%s %s" % (self.random.choice(("deliver", "enable", "grow", "leverage",
                                              "scale", "streamline", "transform")),
                          self.random.choice(words.CATCH_PHRASE_NOUNS))


def _ascii_slug(text):
    return "".join(ch for ch in text.lower() if ch in _ASCII_LOWER or ch in _DIGITS)


class InternetProvider(BaseProvider):
    def user_name(self):
        first = _ascii_slug(self.first_name())
        last = _ascii_slug(self.last_name())
        roll = self.random.randint(1, 6)
        if roll == 1:
            return last + "." + first
        if roll == 2:
            return first + "." + last
        if roll == 3:
            return first + last
        if roll == 4:
            return first[0] + last
        if roll == 5:
            return first + self.numerify("##")
        return last + self.numerify("##")

    def free_email_domain(self):
        return self.random.choice(words.FREE_EMAIL_DOMAINS)

    def tld(self):
        return self.random.choice(words.TLDS)

    def domain_word(self):
        return _ascii_slug(self.last_name())

    def domain_name(self, levels=1):
        if levels < 1:
            raise ValueError("levels must be greater than or equal to 1")
        name = self.domain_word()
        if self._chance(30):
            name += "-" + self.domain_word()
        for _ in range(levels - 1):
            name = self.domain_word() + "." + name
        return name + "." + self.tld()

    def free_email(self):
        return self.user_name() + "@" + self.free_email_domain()

    def safe_domain_name(self):
        return self.random.choice(words.SAFE_EMAIL_DOMAINS)

    def safe_email(self):
        return self.user_name() + "@" + self.safe_domain_name()

    def company_email(self):
        return self.user_name() + "@" + self.domain_name()

    def email(self, safe=True, domain=None):
        if domain:
            return self.user_name() + "@" + domain
        if safe:
            return self.safe_email()
        return self.free_email()

    ascii_email = free_email
    ascii_safe_email = safe_email
    ascii_free_email = free_email
    ascii_company_email = company_email

    def password(self, length=10, special_chars=True, digits=True, upper_case=True,
                 lower_case=True):
        pools = []
        if special_chars:
            pools.append(_PUNCTUATION)
        if digits:
            pools.append(_DIGITS)
        if upper_case:
            pools.append(_ASCII_UPPER)
        if lower_case:
            pools.append(_ASCII_LOWER)
        if not pools:
            raise ValueError("password needs at least one kind of character")
        if length < len(pools):
            raise AssertionError("Required length is shorter than required characters")
        # One character of every required kind, the rest from all of them, then shuffled.
        chars = [self.random.choice(pool) for pool in pools]
        everything = "".join(pools)
        chars += [self.random.choice(everything) for _ in range(length - len(chars))]
        self.random.shuffle(chars)
        return "".join(chars)

    def url(self, schemes=None):
        if schemes is None:
            schemes = ("http", "https")
        prefix = self.random.choice(schemes) + "://" if schemes else "://"
        host = ("www." if self._chance(50) else "") + self.domain_name()
        return prefix + host + "/"

    def uri_path(self, deep=None):
        deep = deep if deep is not None else self.random.randint(1, 3)
        return "/".join(self.word() for _ in range(deep))

    def uri(self):
        return self.url().rstrip("/") + "/" + self.uri_path() + "/"

    def slug(self, value=None):
        text = value if value is not None else self.sentence(nb_words=3)
        parts = []
        for word in text.lower().split():
            cleaned = "".join(ch for ch in word if ch.isalnum() or ch == "-")
            if cleaned:
                parts.append(cleaned)
        return "-".join(parts)

    def ipv4(self, network=False, address_class=None, private=None):
        if private:
            return self.ipv4_private()
        octets = [self.random.randint(1, 223)] + [self.random.randint(0, 255) for _ in range(3)]
        address = ".".join(str(o) for o in octets)
        if network:
            address += "/" + str(self.random.randint(8, 32))
        return address

    def ipv4_private(self, network=False, address_class=None):
        return "10.%d.%d.%d" % (self.random.randint(0, 255), self.random.randint(0, 255),
                                self.random.randint(1, 254))

    def ipv4_public(self, network=False, address_class=None):
        return self.ipv4(network=network)

    def ipv6(self, network=False):
        groups = ["%x" % self.random.randint(0, 0xFFFF) for _ in range(8)]
        return ":".join(groups)

    def mac_address(self, multicast=False):
        first = self.random.randint(0, 255) & 0xFE
        rest = [self.random.randint(0, 255) for _ in range(5)]
        return ":".join("%02x" % b for b in [first] + rest)

    def port_number(self, is_system=False, is_user=False, is_dynamic=False):
        if is_system:
            return self.random.randint(0, 1023)
        if is_user:
            return self.random.randint(1024, 49151)
        if is_dynamic:
            return self.random.randint(49152, 65535)
        return self.random.randint(0, 65535)

    def hostname(self, levels=1):
        prefix = self.random.choice(("web", "db", "mail", "app", "srv", "lt", "desktop"))
        return prefix + "-" + self.numerify("##") + "." + self.domain_name(levels)

    def image_url(self, width=None, height=None, placeholder_url=None):
        width = width or self.random.randint(200, 1024)
        height = height or self.random.randint(200, 1024)
        if placeholder_url:
            return placeholder_url.format(width=width, height=height)
        return "https://picsum.photos/%d/%d" % (width, height)

    def user_agent(self):
        return "Mozilla/5.0 (X11; Linux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0" % (
            self.random.randint(90, 130), self.random.randint(90, 130))


class LoremProvider(BaseProvider):
    def word(self, ext_word_list=None, part_of_speech=None):
        return self.random.choice(ext_word_list or words.LOREM_WORDS)

    def words(self, nb=3, ext_word_list=None, part_of_speech=None, unique=False):
        pool = list(ext_word_list or words.LOREM_WORDS)
        if unique:
            if nb > len(pool):
                raise ValueError("Sample length cannot be longer than the number of unique "
                                 "elements to pick from.")
            return self.random.sample(pool, nb)
        return [self.random.choice(pool) for _ in range(nb)]

    def sentence(self, nb_words=6, variable_nb_words=True, ext_word_list=None):
        if nb_words <= 0:
            return ""
        if variable_nb_words:
            nb_words = self.randomize_nb_elements(nb_words, min=1)
        chosen = self.words(nb=nb_words, ext_word_list=ext_word_list)
        text = " ".join(chosen)
        return text[0].upper() + text[1:] + "."

    def sentences(self, nb=3, ext_word_list=None):
        return [self.sentence(ext_word_list=ext_word_list) for _ in range(nb)]

    def paragraph(self, nb_sentences=3, variable_nb_sentences=True, ext_word_list=None):
        if nb_sentences <= 0:
            return ""
        if variable_nb_sentences:
            nb_sentences = self.randomize_nb_elements(nb_sentences, min=1)
        return " ".join(self.sentences(nb=nb_sentences, ext_word_list=ext_word_list))

    def paragraphs(self, nb=3, ext_word_list=None):
        return [self.paragraph(ext_word_list=ext_word_list) for _ in range(nb)]

    def text(self, max_nb_chars=200, ext_word_list=None):
        """Words (under 25 characters), sentences (under 100) or paragraphs joined by newlines,
        never longer than max_nb_chars."""
        if max_nb_chars < 5:
            raise ValueError("text() can only generate text of at least 5 characters")
        if max_nb_chars < 25:
            parts, size = [], 0
            while not parts:
                while True:
                    w = self.word(ext_word_list=ext_word_list)
                    extra = len(w) + (1 if parts else 0)
                    if size + extra >= max_nb_chars:
                        break
                    parts.append(w)
                    size += extra
            text = " ".join(parts)
            return text[0].upper() + text[1:] + "."
        if max_nb_chars < 100:
            unit, sep = (lambda: self.sentence(ext_word_list=ext_word_list)), " "
        else:
            unit, sep = (lambda: self.paragraph(ext_word_list=ext_word_list)), "\n"
        parts, size = [], 0
        while not parts:
            while True:
                piece = unit()
                extra = len(piece) + (len(sep) if parts else 0)
                if size + extra > max_nb_chars:
                    break
                parts.append(piece)
                size += extra
        return sep.join(parts)

    def texts(self, nb_texts=3, max_nb_chars=200, ext_word_list=None):
        return [self.text(max_nb_chars, ext_word_list) for _ in range(nb_texts)]


class PythonProvider(BaseProvider):
    def pybool(self, truth_probability=50):
        return self._chance(truth_probability)

    def boolean(self, chance_of_getting_true=50):
        return self._chance(chance_of_getting_true)

    def null_boolean(self):
        return {0: None, 1: True, -1: False}[self.random.randint(-1, 1)]

    def pyint(self, min_value=0, max_value=9999, step=1):
        return self.random_int(min_value, max_value, step=step)

    def pystr(self, min_chars=None, max_chars=20, prefix="", suffix=""):
        if min_chars is None:
            length = max_chars
        else:
            length = self.random.randint(min_chars, max_chars)
        return prefix + "".join(self.random_letters(length)) + suffix

    def pyfloat(self, left_digits=None, right_digits=None, positive=False, min_value=None,
                max_value=None):
        if left_digits is not None and left_digits < 0:
            raise ValueError("A float number cannot have less than 0 digits in its integer part")
        if right_digits is not None and right_digits < 0:
            raise ValueError("A float number cannot have less than 0 digits in its fractional "
                             "part")
        if left_digits == 0 and right_digits == 0:
            raise ValueError("A float number cannot have less than 0 digits in total")
        if min_value is not None and max_value is not None and min_value > max_value:
            raise ValueError("Min value cannot be greater than max value")
        if positive and max_value is not None and max_value <= 0:
            raise ValueError("Cannot combine positive=True with negative or zero max_value")
        if right_digits is None:
            right_digits = self.random.randint(1, 15)
        if min_value is not None or max_value is not None:
            low = min_value if min_value is not None else max_value - 10 ** (left_digits or 6)
            high = max_value if max_value is not None else low + 10 ** (left_digits or 6)
            if positive and low <= 0:
                low = 10 ** -right_digits if right_digits else 1
            value = round(self.random.uniform(low, high), right_digits)
            return float(min(max(value, low), high))
        if left_digits is None:
            left_digits = self.random.randint(1, 6)
        whole = self.random.randint(0, 10 ** left_digits - 1)
        fraction = self.random.randint(0, 10 ** right_digits - 1) if right_digits else 0
        if positive and whole == 0 and fraction == 0:
            fraction = 1 if right_digits else 0
            whole = whole if right_digits else 1
        value = float("%d.%0*d" % (whole, right_digits, fraction)) if right_digits else float(whole)
        if not positive and self.random.randint(0, 1):
            value = -value
        return value

    def pydecimal(self, left_digits=None, right_digits=None, positive=False, min_value=None,
                  max_value=None):
        from decimal import Decimal
        digits = right_digits if right_digits is not None else 2
        value = self.pyfloat(left_digits, digits, positive, min_value, max_value)
        return Decimal("%.*f" % (digits, value))

    def pylist(self, nb_elements=10, variable_nb_elements=True, value_types=None):
        if variable_nb_elements:
            nb_elements = self.randomize_nb_elements(nb_elements, min=1)
        return [self._py_value() for _ in range(nb_elements)]

    def pytuple(self, nb_elements=10, variable_nb_elements=True, value_types=None):
        return tuple(self.pylist(nb_elements, variable_nb_elements))

    def pydict(self, nb_elements=10, variable_nb_elements=True, value_types=None):
        if variable_nb_elements:
            nb_elements = self.randomize_nb_elements(nb_elements, min=1)
        return {w: self._py_value() for w in self.words(nb_elements, unique=True)}

    def _py_value(self):
        kind = self.random.randint(0, 3)
        if kind == 0:
            return self.pyint()
        if kind == 1:
            return self.pystr()
        if kind == 2:
            return self.pyfloat()
        return self.pybool()


class ColorProvider(BaseProvider):
    def color_name(self):
        return self.random.choice(words.COLOR_NAMES)

    def safe_color_name(self):
        return self.random.choice(words.SAFE_COLOR_NAMES)

    def hex_color(self):
        return "#%06x" % self.random.randint(0, 0xFFFFFF)

    def safe_hex_color(self):
        return "#" + "".join(ch + ch for ch in self.hexify("^^^"))

    def rgb_color(self):
        return ",".join(str(self.random.randint(0, 255)) for _ in range(3))

    def rgb_css_color(self):
        return "rgb(%s)" % self.rgb_color()

    def color(self, hue=None, luminosity=None, color_format="hex"):
        return self.hex_color()


class MiscProvider(BaseProvider):
    def uuid4(self, cast_to=str):
        value = 0
        for _ in range(4):
            value = (value << 32) | self.random.randrange(1 << 32)
        value = (value & ~(0xF << 76)) | (4 << 76)  # version 4
        value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
        text = "%032x" % value
        text = "-".join((text[:8], text[8:12], text[12:16], text[16:20], text[20:]))
        if cast_to is None:
            import uuid
            return uuid.UUID(text)
        return cast_to(text)

    def md5(self, raw_output=False):
        return self.hexify("^" * 32)

    def sha1(self, raw_output=False):
        return self.hexify("^" * 40)

    def sha256(self, raw_output=False):
        return self.hexify("^" * 64)

    def file_extension(self, category=None):
        return self.random.choice(("txt", "csv", "json", "pdf", "png", "jpg", "mp3", "html"))

    def file_name(self, category=None, extension=None):
        return self.word() + "." + (extension or self.file_extension(category))

    def file_path(self, depth=1, category=None, extension=None, absolute=True):
        parts = [self.random.choice(words.FILE_DIRECTORIES)]
        parts += [self.word() for _ in range(depth - 1)]
        path = "/".join(parts + [self.file_name(category, extension)])
        return "/" + path if absolute else path

    def currency_code(self):
        return self.random.choice(words.CURRENCY_CODES)

    def timezone(self):
        return self.random.choice(words.TIMEZONES)

    def language_code(self):
        return self.random.choice(words.LANGUAGE_CODES)

    def locale(self):
        return self.language_code() + "_" + self.country_code()

    def ssn(self):
        return self.numerify("%##-##-####")

    def license_plate(self):
        return self.bothify("???-####", letters="ABCDEFGHJKLMNPRSTUVWXYZ")

    def credit_card_number(self, card_type=None):
        # 16 digits with a valid Luhn check digit.
        digits = [4] + [self.random_digit() for _ in range(14)]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        digits.append((10 - total % 10) % 10)
        return "".join(str(d) for d in digits)

    def credit_card_expire(self, start="now", end="+10y", date_format="%m/%y"):
        return self.date_time_between(start, end).strftime(date_format)

    def credit_card_security_code(self, card_type=None):
        return self.numerify("###")

    def ean13(self, prefixes=()):
        digits = [self.random_digit() for _ in range(12)]
        check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
        return "".join(str(d) for d in digits) + str(check)

    def simple_profile(self, sex=None):
        female = sex == "F" if sex in ("F", "M") else self.random.randint(0, 1) == 1
        name = self.name_female() if female else self.name_male()
        return {
            "username": self.user_name(),
            "name": name,
            "sex": "F" if female else "M",
            "address": self.address(),
            "mail": self.free_email(),
            "birthdate": self.date_of_birth(),
        }

    def profile(self, fields=None, sex=None):
        data = self.simple_profile(sex)
        data.update({
            "job": self.job(),
            "company": self.company(),
            "ssn": self.ssn(),
            "residence": self.address(),
            "current_location": (self.latitude(), self.longitude()),
            "blood_group": self.random.choice(("A+", "A-", "B+", "B-", "AB+", "AB-", "O+",
                                               "O-")),
            "website": [self.url() for _ in range(self.random.randint(1, 3))],
        })
        if fields:
            data = {k: v for k, v in data.items() if k in fields}
        return data

    def isbn13(self, separator="-"):
        digits = [9, 7, 8] + [self.random_digit() for _ in range(9)]
        check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
        text = "".join(str(d) for d in digits) + str(check)
        return separator.join((text[:3], text[3], text[4:8], text[8:12], text[12]))
