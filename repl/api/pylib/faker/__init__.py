"""faker: fake but plausible data for seed scripts, written for ormsh.

Faker() gives an object whose methods (providers) return names, addresses, e-mails, text,
dates and numbers drawn from the word lists in faker.words. Every value comes from one
random.Random, so Faker.seed(n) (shared by all instances) or fake.seed_instance(n) (this
instance only) makes a run repeatable; fake.unique.<provider>() never repeats a value.
"""
import random as _random

from faker.date_time import DateTimeProvider
from faker.exceptions import UniquenessException
from faker.providers import (AddressProvider, ColorProvider, CompanyProvider,
                             InternetProvider, LoremProvider, MiscProvider, PersonProvider,
                             PhoneProvider, PythonProvider)

__all__ = ["Faker", "UniquenessException"]

_UNIQUE_ATTEMPTS = 1000


class UniqueProxy:
    """fake.unique: calls a provider until it returns a value not returned before for the same
    arguments; clear() forgets what was returned."""

    def __init__(self, faker):
        self._faker = faker
        self._seen = {}

    def clear(self):
        self._seen = {}

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        provider = getattr(self._faker, name)
        if not callable(provider):
            raise TypeError("Accessing non-functions through .unique is not supported.")

        def unique_call(*args, **kwargs):
            key = (name, args, tuple(sorted(kwargs.items())))
            seen = self._seen.setdefault(key, set())
            for _ in range(_UNIQUE_ATTEMPTS):
                value = provider(*args, **kwargs)
                marker = _hashable(value)
                if marker not in seen:
                    seen.add(marker)
                    return value
            raise UniquenessException(
                "Got duplicated values after %d iterations." % _UNIQUE_ATTEMPTS)

        unique_call.__name__ = name
        return unique_call


def _hashable(value):
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, set):
        return frozenset(value)
    return value


class Faker(PersonProvider, AddressProvider, PhoneProvider, CompanyProvider,
            InternetProvider, LoremProvider, DateTimeProvider, PythonProvider, ColorProvider,
            MiscProvider):
    """The fake data generator. Locales are accepted; every locale uses the en_US lists."""

    _shared_random = _random.Random()

    def __init__(self, locale=None, providers=None, generator=None, includes=None,
                 use_weighting=True, **config):
        if isinstance(locale, (list, tuple)):
            locale = locale[0] if locale else None
        elif isinstance(locale, dict):
            locale = next(iter(locale), None)
        self._locale = (locale or "en_US").replace("-", "_")
        self._instance_random = None
        self.unique = UniqueProxy(self)

    @classmethod
    def seed(cls, seed=None):
        """Seeds the random generator shared by every instance without seed_instance()."""
        Faker._shared_random.seed(seed)

    def seed_instance(self, seed=None):
        """Gives this instance its own random generator, seeded with `seed`."""
        self._instance_random = _random.Random(seed)
        return self

    def seed_locale(self, locale, seed=None):
        self.seed_instance(seed)

    @property
    def random(self):
        if self._instance_random is not None:
            return self._instance_random
        return Faker._shared_random

    @random.setter
    def random(self, value):
        self._instance_random = value

    def __getitem__(self, locale):
        """fake["en_US"]: the generator of one locale (this one: all locales share the lists)."""
        return self

    @property
    def locales(self):
        return [self._locale]

    def add_provider(self, provider):
        """Adds the public methods of a provider (a BaseProvider subclass or instance) to this
        instance; they replace providers of the same name."""
        if isinstance(provider, type):
            provider = provider(self)
        for klass in type(provider).__mro__:
            if klass is object or klass.__module__ == __name__ or klass.__module__.startswith(
                    "faker."):
                continue
            for name in vars(klass):
                if not name.startswith("_"):
                    value = getattr(provider, name)
                    if callable(value):
                        setattr(self, name, value)

    def get_providers(self):
        return [klass for klass in type(self).__mro__[1:] if klass is not object]

    def format(self, formatter, *args, **kwargs):
        return getattr(self, formatter)(*args, **kwargs)

    def __repr__(self):
        return "<faker.proxy.Faker object at 0x%x>" % id(self)
