"""Click in Dutch: usage, help headings and error texts.

Click marks its messages for gettext (`from gettext import gettext as _` in each module). No
message catalogue for Dutch ships with it, and installing one would mean touching the
process-wide gettext domain, so this module binds Click's `_` and `ngettext` to a lookup in
the catalogue below instead. Every msgid Click marks must have a translation here: a test
extracts them from the installed Click and fails when one is missing (a Click upgrade that
adds a message). Metavars ('[OPTIONS]', 'PATHS...', 'TEXT') are not marked for translation;
`localise()` sets Dutch ones on our commands.

Only the `eislint` command line calls `install()`; using eislint as a library changes nothing.
"""

from __future__ import annotations

import importlib

import click

CLICK_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "shell_completion",
    "termui",
    "types",
    "utils",
    "_termui_impl",
)

MESSAGES: dict[str, str] = {
    # usage and help
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(dynamisch)",
    "deprecated": "verouderd",
    "Do you want to continue?": "Wilt u doorgaan?",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "Press any key to continue...": "Druk op een toets om door te gaan...",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Aborted!": "Afgebroken.",
    # errors
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "Missing command.": "Geef een opdracht.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende waarde",
    "Missing parameter: {param_name}": "Ontbrekende waarde: {param_name}",
    "Missing {param_type}": "Ontbrekend: {param_type}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "unknown error": "onbekende fout",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "Invalid start character for option ({option})": "Ongeldig beginteken voor een optie ({option})",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Error: The two entered values do not match.": "Fout: de twee ingevoerde waarden zijn niet gelijk.",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Unknown color {colour!r}": "Onbekende kleur {colour!r}",
    "Unknown standard stream '{name}'": "Onbekende standaardstroom '{name}'",
    "{editor}: Editing failed": "{editor}: bewerken mislukt",
    "{editor}: Editing failed: {e}": "{editor}: bewerken mislukt: {e}",
    "d": "d",
    # values
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Choice({choices})": "Keuze({choices})",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} is geen geldige ja/nee-waarde. Mogelijk: {states}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    # for the developers of the command line, never for its users; translated all the same
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "Waarschuwing: de opdracht {name!r} is verouderd.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": "Waarschuwing: {param_type} {name!r} is verouderd.{extra_message}",
    "Could not determine name for option with declarations {decls!r}": "Geen naam te bepalen voor de optie met declaraties {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?": "Geen opties gedeclareerd maar wel een naam ({name}). Bedoelt u een argument, of '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": "Een argument heeft precies één declaratie, niet {length}: {decls}.",
    "Name '{name}' defined twice": "Naam '{name}' twee keer gedeclareerd",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "Ja/nee-optie {decl!r} kan niet dezelfde vlag voor ja en nee gebruiken.",
    "Couldn't detect Bash version, shell completion is not supported.": "Bash-versie onbekend; aanvullen in de shell wordt niet ondersteund.",
    "Shell completion is not supported for Bash versions older than 4.4.": "Aanvullen in de shell werkt niet met Bash ouder dan 4.4.",
}

PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Neemt {nargs} waarden, maar er is er 1 gegeven.",
        "Neemt {nargs} waarden, maar er zijn er {len} gegeven.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelt u {possibility}?",
        "(Bedoelt u een van: {possibilities}?)",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is niet {choice}.",
        "{value!r} is geen van {choices}.",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} past niet bij het formaat {format}.",
        "{value!r} past niet bij de formaten {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): ("{len_type} waarden nodig, maar {len_value} gegeven.", "{len_type} waarden nodig, maar {len_value} gegeven."),
}

# Type names appear in metavars ('TEXT') and in messages ("is not a valid integer").
TYPE_NAMES = {
    "StringParamType": "tekst",
    "UnprocessedParamType": "tekst",
    "IntParamType": "getal",
    "IntRange": "getal",
    "FloatParamType": "kommagetal",
    "FloatRange": "kommagetal",
    "BoolParamType": "ja/nee",
    "UUIDParameterType": "uuid",
    "DateTime": "datum",
    "File": "bestandsnaam",
}

# Our arguments by their Python name: what help and errors call them.
ARGUMENT_NAMES = {
    "paths": "PADEN",
    "source": "BESTAND",
    "rule_id": "REGEL",
    "text": "TEKST",
    "corpus": "MAP",
    "path": "BESTAND",
}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    dutch = PLURALS.get((singular, plural))
    if dutch is None:
        return singular if n == 1 else plural
    return dutch[0] if n == 1 else dutch[1]


_installed = False


def install() -> None:
    """Bind Click's message functions and type names to Dutch (idempotent)."""
    global _installed
    if _installed:
        return
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a module of another Click version
            continue
        if hasattr(module, "_"):
            setattr(module, "_", gettext)  # noqa: B010 (a module attribute mypy cannot see)
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", ngettext)  # noqa: B010
    for cls_name, dutch in TYPE_NAMES.items():
        cls = getattr(click.types, cls_name, None)
        if cls is not None:
            cls.name = dutch
    _installed = True


def localise(group: click.Group) -> None:
    """Dutch metavars on every command of `group`: '[OPTIES]', 'OPDRACHT [ARGUMENTEN]...', '[PADEN]...'."""
    group.options_metavar = "[OPTIES]"
    group.subcommand_metavar = "OPDRACHT [ARGUMENTEN]..."
    for command in group.commands.values():
        command.options_metavar = "[OPTIES]"
        for param in command.params:
            if isinstance(param, click.Argument) and param.metavar is None and param.name in ARGUMENT_NAMES:
                var = ARGUMENT_NAMES[param.name]
                if not param.required:
                    var = f"[{var}]"
                if param.nargs != 1:
                    var += "..."
                param.metavar = var
        if isinstance(command, click.Group):
            localise(command)
