"""List numbers as word processors show them: 1, a, iv, 01, ..."""

from __future__ import annotations


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, ...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, numeral in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def to_int(value: object, default: int, low: int = 0, high: int = 32767) -> int:
    """An integer attribute of a document, clamped: files may say anything ("1e9", "x", -5)."""
    try:
        number = int(str(value).strip()) if value is not None else default
    except ValueError:
        number = default
    return max(low, min(number, high))


MAX_START = 32767  # Word's own limit for a list's start value


def format_number(n: int, fmt: str) -> str:
    """`fmt` is a Word numFmt (decimal, lowerLetter, upperRoman, ...) or an ODF num-format (1, a, I)."""
    if n > 26 * 8 and fmt in ("lowerLetter", "a", "upperLetter", "A"):
        return str(n)  # 'aaaaaaaaa...' helps nobody; Word caps start values too
    if fmt in ("lowerLetter", "a"):
        return _letters(n)
    if fmt in ("upperLetter", "A"):
        return _letters(n).upper()
    if fmt in ("lowerRoman", "i"):
        return _roman(n)
    if fmt in ("upperRoman", "I"):
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        return f"{n}e"
    return str(n)
