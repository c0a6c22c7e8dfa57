# Shape checks of the faker module: every value looks like what it claims to be, ranges are
# respected, unique never repeats, seeds make runs repeatable. Runs under ormsh and python3;
# exits 1 listing the failed checks.
import datetime

from faker import Faker
from faker.exceptions import UniquenessException
from faker.providers import BaseProvider

ROUNDS = 60
passed = 0
failed = []


def check(condition, what):
    global passed
    if condition:
        passed += 1
    else:
        failed.append(what)


def is_domain(text):
    labels = text.split(".")
    if len(labels) < 2 or not labels[-1].isalpha():
        return False
    for label in labels:
        if not label or label[0] == "-" or label[-1] == "-":
            return False
        if not all(ch.isalnum() or ch == "-" for ch in label):
            return False
    return True


def is_email(text):
    if text.count("@") != 1:
        return False
    local, domain = text.split("@")
    return (local != "" and all(ch.isalnum() or ch in "._-" for ch in local)
            and local.islower() and is_domain(domain))


def is_hex(text):
    return text != "" and all(ch in "0123456789abcdef" for ch in text)


def years_ago(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


fake = Faker()
fake.seed_instance(1234)
today = datetime.date.today()

for _ in range(ROUNDS):
    email = fake.email()
    check(is_email(email), "email looks like an email: %r" % email)
    safe = fake.safe_email()
    check(is_email(safe) and safe.split("@")[1].startswith("example."), "safe_email: %r" % safe)
    check(is_email(fake.free_email()), "free_email")
    check(is_email(fake.company_email()), "company_email")
    user = fake.user_name()
    check(user != "" and all(ch.isalnum() or ch == "." for ch in user), "user_name: %r" % user)
    check(is_domain(fake.domain_name()), "domain_name")
    check(is_domain(fake.domain_name(levels=2)) and fake.domain_name(2).count(".") >= 2,
          "domain_name(levels=2)")
    url = fake.url()
    check(url.startswith(("http://", "https://")) and url.endswith("/")
          and is_domain(url.split("://")[1].rstrip("/")), "url: %r" % url)
    octets = fake.ipv4().split(".")
    check(len(octets) == 4 and all(o.isdigit() and 0 <= int(o) <= 255 for o in octets), "ipv4")

    name = fake.name()
    check(len(name.split()) >= 2 and name[0].isupper(), "name: %r" % name)
    first, last = fake.first_name(), fake.last_name()
    check(first.isalpha() and first[0].isupper() and last[0].isupper(), "first/last name")
    phone = fake.phone_number()
    check(sum(ch.isdigit() for ch in phone) >= 10, "phone_number: %r" % phone)
    postcode = fake.postcode()
    check(len(postcode) == 5 and postcode.isdigit(), "postcode: %r" % postcode)
    address = fake.address()
    check(address.count("\n") == 1 and address.split("\n")[1].split()[-1].isdigit(),
          "address: %r" % address)
    street = fake.street_address()
    check(street.split()[0].isdigit() and len(street.split()) >= 3, "street_address")
    for text_value in (fake.city(), fake.country(), fake.company(), fake.job(),
                       fake.color_name(), fake.state()):
        check(isinstance(text_value, str) and text_value.strip() == text_value != "",
              "plain text value: %r" % text_value)

    sentence = fake.sentence(nb_words=6)
    check(sentence[0].isupper() and sentence.endswith(".") and " " in sentence,
          "sentence: %r" % sentence)
    check(len(fake.sentence(nb_words=4, variable_nb_words=False).split()) == 4,
          "sentence with a fixed word count")
    sentences = fake.sentences(nb=4)
    check(len(sentences) == 4 and all(s.endswith(".") for s in sentences), "sentences")
    paragraph = fake.paragraph(nb_sentences=3)
    check(paragraph.endswith(".") and paragraph.count(".") >= 1, "paragraph")
    for limit in (10, 30, 80, 200, 500):
        text = fake.text(max_nb_chars=limit)
        check(0 < len(text) <= limit, "text(max_nb_chars=%d) has %d chars" % (limit, len(text)))
    word_list = fake.words(nb=5, unique=True)
    check(len(word_list) == 5 and len(set(word_list)) == 5, "words(unique=True)")
    check(len(fake.words()) == 3 and fake.word().isalpha(), "words() and word()")
    check(fake.word(ext_word_list=["alpha", "beta"]) in ("alpha", "beta"), "word(ext_word_list)")

    born = fake.date_between(start_date="-30y", end_date="today")
    check(isinstance(born, datetime.date) and years_ago(today, 30) - datetime.timedelta(days=1)
          <= born <= today, "date_between('-30y', 'today'): %s" % born)
    fixed = fake.date_between(start_date=datetime.date(2020, 2, 1),
                              end_date=datetime.date(2020, 2, 29))
    check(datetime.date(2020, 2, 1) <= fixed <= datetime.date(2020, 2, 29), "date_between dates")
    moment = fake.date_time_between(start_date=datetime.datetime(2021, 1, 1, 8),
                                    end_date=datetime.datetime(2021, 1, 1, 9))
    check(isinstance(moment, datetime.datetime)
          and datetime.datetime(2021, 1, 1, 8) <= moment <= datetime.datetime(2021, 1, 1, 9),
          "date_time_between: %s" % moment)
    recent = fake.date_time_between(start_date="-1w", end_date="now")
    check(datetime.datetime.now() - datetime.timedelta(days=7, seconds=5) <= recent
          <= datetime.datetime.now(), "date_time_between('-1w')")
    adult = fake.date_of_birth(minimum_age=18, maximum_age=65)
    age = today.year - adult.year - ((today.month, today.day) < (adult.month, adult.day))
    check(18 <= age <= 65, "date_of_birth(18, 65) gives age %d" % age)
    past = fake.past_date()
    check(today - datetime.timedelta(days=30) <= past < today, "past_date: %s" % past)
    future = fake.future_date(end_date="+10d")
    check(today < future <= today + datetime.timedelta(days=10), "future_date: %s" % future)
    check(fake.past_datetime() < datetime.datetime.now() < fake.future_datetime(),
          "past_datetime / future_datetime")
    iso = fake.iso8601()
    check(len(iso) == 19 and iso[10] == "T" and iso[4] == iso[7] == "-", "iso8601: %r" % iso)
    day = fake.date()
    check(len(day) == 10 and day[:4].isdigit(), "date(): %r" % day)
    clock = fake.time()
    check(len(clock) == 8 and clock[2] == clock[5] == ":", "time(): %r" % clock)

    number = fake.random_int(min=5, max=10)
    check(5 <= number <= 10, "random_int(5, 10): %d" % number)
    check(fake.random_int(0, 100, step=10) % 10 == 0, "random_int step")
    check(0 <= fake.random_int() <= 9999, "random_int()")
    check(fake.random_element(["x", "y", "z"]) in ("x", "y", "z"), "random_element")
    picked = fake.random_elements(["a", "b", "c", "d"], length=3, unique=True)
    check(len(set(picked)) == 3, "random_elements(unique=True)")
    value = fake.pyfloat(left_digits=2, right_digits=3, positive=True)
    check(isinstance(value, float) and 0 < value < 100 and round(value, 3) == value,
          "pyfloat(2, 3, positive): %r" % value)
    bounded = fake.pyfloat(min_value=1.5, max_value=2.5)
    check(1.5 <= bounded <= 2.5, "pyfloat(min_value, max_value): %r" % bounded)
    check(isinstance(fake.pybool(), bool) and isinstance(fake.boolean(), bool), "bool types")
    check(fake.boolean(chance_of_getting_true=100) and not fake.boolean(0), "boolean chances")
    check(0 <= fake.pyint(max_value=10) <= 10, "pyint")

    password = fake.password(length=12)
    check(len(password) == 12 and any(c.isdigit() for c in password)
          and any(c.isupper() for c in password) and any(c.islower() for c in password)
          and any(not c.isalnum() for c in password), "password(12): %r" % password)
    plain = fake.password(length=8, special_chars=False, upper_case=False)
    check(len(plain) == 8 and plain.isalnum() and plain == plain.lower(), "password options")
    uid = fake.uuid4()
    parts = uid.split("-")
    check(isinstance(uid, str) and [len(p) for p in parts] == [8, 4, 4, 4, 12]
          and all(is_hex(p) for p in parts) and uid[14] == "4" and uid[19] in "89ab",
          "uuid4: %r" % uid)
    check(fake.hex_color()[0] == "#" and is_hex(fake.hex_color()[1:]), "hex_color")

    card = fake.credit_card_number()
    luhn = sum(int(d) if i % 2 == 0 else (int(d) * 2 - 9 if int(d) * 2 > 9 else int(d) * 2)
               for i, d in enumerate(reversed(card)))
    check(len(card) == 16 and luhn % 10 == 0, "credit_card_number passes the Luhn check")
    profile = fake.profile()
    check(is_email(profile["mail"]) and profile["sex"] in ("F", "M")
          and isinstance(profile["birthdate"], datetime.date), "profile")
    check(fake.file_path(depth=2).count("/") == 3 and is_domain(fake.hostname().split(".", 1)[1]),
          "file_path / hostname")

# unique: never repeats; raises once the values run out; clear() starts over.
values = [fake.unique.random_int(min=1, max=40) for _ in range(40)]
check(sorted(values) == list(range(1, 41)), "unique.random_int covers the range once")
try:
    fake.unique.random_int(min=1, max=40)
    check(False, "unique raises UniquenessException when exhausted")
except UniquenessException:
    check(True, "")
fake.unique.clear()
check(1 <= fake.unique.random_int(min=1, max=40) <= 40, "unique.clear()")
names = [fake.unique.first_name() for _ in range(100)]
check(len(set(names)) == 100, "unique.first_name never repeats")
emails = [fake.unique.email() for _ in range(300)]
check(len(set(emails)) == 300, "unique.email never repeats")

# Seeds: the same seed gives the same values, different seeds differ.
def sample(f):
    return [f.name(), f.email(), f.address(), f.text(), f.random_int(), f.pyfloat(),
            f.date_between(datetime.date(2000, 1, 1), datetime.date(2020, 1, 1)), f.uuid4()]


Faker.seed(99)
shared_a = Faker()
first_run = sample(shared_a)
Faker.seed(99)
second_run = sample(Faker())
check(first_run == second_run, "Faker.seed gives the same values")
Faker.seed(100)
check(sample(shared_a) != first_run, "different class seeds differ")
one, two = Faker(), Faker("en_US")
one.seed_instance(5)
two.seed_instance(5)
check(sample(one) == sample(two), "seed_instance gives the same values")
two.seed_instance(6)
check(sample(one) != sample(two), "different instance seeds differ")
one.seed_instance(5)
before = sample(one)
Faker.seed(12345)
one.seed_instance(5)
check(sample(one) == before, "an instance seed is independent of Faker.seed")

# A script's own provider draws from the Faker it is added to.
class FruitProvider(BaseProvider):
    FRUITS = ("apple", "pear", "plum")

    def fruit(self):
        return self.random_element(self.FRUITS)


fake.add_provider(FruitProvider)
fake.seed_instance(3)
basket = [fake.fruit() for _ in range(10)]
fake.seed_instance(3)
check(basket == [fake.fruit() for _ in range(10)] and set(basket) <= set(FruitProvider.FRUITS),
      "add_provider: seeded custom provider")
check(sorted(fake.unique.fruit() for _ in range(3)) == sorted(FruitProvider.FRUITS),
      "unique works on a custom provider")

if failed:
    for what in failed:
        print("FAILED:", what)
    raise SystemExit(1)
print("faker shape checks: %d passed" % passed)
