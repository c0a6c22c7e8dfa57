"""Exceptions of the faker module (faker.exceptions)."""


class BaseFakerException(Exception):
    """Base of every faker error."""


class UniquenessException(BaseFakerException):
    """fake.unique could not find a value it had not returned before."""
