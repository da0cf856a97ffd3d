"""The one exception readers raise for input they cannot read."""


class ReadError(Exception):
    """A file that cannot be read; the message is one Dutch line without the path."""

    internal = False  # the machine's limit (memory), not the file's fault: not kept in a result cache


class OutOfMemory(ReadError):
    internal = True


class NoText(ReadError):
    """A sound file with nothing to check as text: a scanned PDF, a drawing. A notice, not an
    error: a tender bundle holds such files legitimately, and CI must not fail on them."""
