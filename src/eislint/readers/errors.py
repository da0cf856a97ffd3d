"""The one exception readers raise for input they cannot read."""


class ReadError(Exception):
    """A file that cannot be read; the message is one Dutch line without the path."""
