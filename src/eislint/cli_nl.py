"""Click's own messages in Dutch ('Missing argument', 'No such option', '... is not one of ...').

Click translates through gettext (`_()` and `ngettext()` in its modules), so its message
templates are swapped for Dutch ones here; a template not listed stays as Click has it. Installed
once, before the commands are defined (some help texts are built at decoration time).
"""

from __future__ import annotations

import importlib

DUTCH = {
    "Aborted!": "Afgebroken.",
    "Missing command.": "Geef een opdracht.",
    "Options": "Opties",
    "Positional arguments": "Argumenten",
    "Commands": "Opdrachten",
    "Usage:": "Gebruik:",
    "Got unexpected extra argument ({args})": "onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "onverwachte extra argumenten ({args})",
    "Value must be an iterable.": "de waarde moet een lijst zijn.",
    "env var: {var}": "omgevingsvariabele: {var}",
    "default: {default}": "standaard: {default}",
    "(dynamic)": "(dynamisch)",
    "Takes {nargs} values but 1 was given.": "vraagt {nargs} waarden, er is er 1 gegeven.",
    "Takes {nargs} values but {len} were given.": "vraagt {nargs} waarden, er zijn er {len} gegeven.",
    "Show the version and exit.": "Toon de versie en stop.",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Did you mean {possibility}?": "Bedoelt u {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Bedoelt u een van: {possibilities}?)",
    "Missing argument": "ontbrekend argument",
    "Missing option": "ontbrekende optie",
    "Missing parameter": "ontbrekende parameter",
    "Missing parameter: {param_name}": "ontbrekende parameter: {param_name}",
    "Missing {param_type}": "ontbrekend: {param_type}",
    "unknown error": "onbekende fout",
    "Invalid value for {param_hint}: {message}": "ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "ongeldige waarde: {message}",
    "Could not open file {filename!r}: {message}": "kan bestand {filename!r} niet openen: {message}",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Zie '{command} {option}' voor hulp.",
    "No such option {name!r}.": "onbekende optie {name!r}.",
    "No such command {name!r}.": "onbekende opdracht {name!r}.",
    "Invalid start character for option ({option})": "ongeldig eerste teken voor een optie ({option})",
    "Option {name!r} does not take a value.": "optie {name!r} neemt geen waarde.",
    "Option {name!r} requires an argument.": "optie {name!r} vraagt een waarde.",
    "Option {name!r} requires {nargs} arguments.": "optie {name!r} vraagt {nargs} waarden.",
    "Argument {name!r} takes {nargs} values.": "argument {name!r} vraagt {nargs} waarden.",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} is niet {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} is niet een van {choices}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} is geen geldige ja/nee-waarde. Bekende waarden: {states}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "integer": "geheel getal",
    "float": "getal",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
}

_MODULES = ("core", "exceptions", "parser", "types", "formatting", "decorators", "termui")


def _gettext(message: str) -> str:
    return DUTCH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install() -> None:
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
