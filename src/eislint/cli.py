"""Command line: thin. Parse options, call the library, pick a formatter, set the exit code.

Only click is imported at module level: `eislint --help`, `--version` and `eislint rules`
must answer without loading spaCy.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from eislint import __version__, cli_nl
from eislint.cli_options import fail, lint_options, run_options, split
from eislint.dutch.output import aantal
from eislint.findings import ExitStatus
from eislint.formatters import FORMATTERS

cli_nl.install()  # before the commands: some of Click's help texts are built at decoration time

_FORMATS = tuple(FORMATTERS)  # the registry decides; its modules are imported only when used
_split, _fail, _lint_options, _run_options = split, fail, lint_options, run_options


def _check_output(output: Path | None) -> None:
    """Refuse an -o that cannot be written before the run, not after it (exit 2)."""
    from eislint.checkrun import output_problem

    problem = output_problem(output)
    if problem:
        _fail(f"-o {output}: {problem}; er is niets gecontroleerd")
        sys.exit(ExitStatus.ERROR)


class _Group(click.Group):
    def main(self, *args, **kwargs):  # one clear line for config errors, no traceback
        from eislint.yamlio import ConfigError

        cli_nl.localise(self)
        argv = kwargs.get("args", args[0] if args else None)
        debug = "--debug" in (sys.argv[1:] if argv is None else argv)  # the commands pass it on in RunOptions
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Afgebroken.", err=True)
            sys.exit(ExitStatus.ERROR)
        except click.ClickException as exc:  # one Dutch line, like every other error
            hint = ""
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                hint = f" (zie '{exc.ctx.command_path} --help')"
            _fail(exc.format_message().replace("\n\t", " ").replace("\n", " ") + hint)
            sys.exit(ExitStatus.ERROR)
        except ConfigError as exc:
            if debug:
                raise
            _fail(str(exc))
            sys.exit(ExitStatus.ERROR)
        except KeyboardInterrupt:
            sys.exit(130)
        except Exception as exc:
            if debug:
                raise
            _fail(f"interne fout: {type(exc).__name__}: {exc} (gebruik --debug voor details)")
            sys.exit(ExitStatus.ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="eislint", message="%(prog)s %(version)s")
def main() -> None:
    """eislint: controleer Nederlandse aanbestedingsdocumenten (Programma van Eisen, leidraad,
    gunning) op vage, samengestelde, disproportionele en overgespecificeerde eisen."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    default=None,
    help="Uitvoerformaat (standaard: rich op een terminal, anders concise). CI: sarif, github, gitlab, junit.",
)
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Schrijf het rapport naar dit bestand in plaats van naar stdout.",
)
@_lint_options
@click.option(
    "--fail-on",
    type=click.Choice(["fout", "waarschuwing", "advies", "nooit", "error", "warning", "info", "never"]),
    default=None,
    help="Vanaf welke ernst de exitcode 1 is (standaard: fout; de Engelse woorden mogen ook).",
)
@click.option("--stdin-filename", default="-", help="Naam voor tekst van stdin (de extensie bepaalt het formaat).")
@click.option(
    "--fix", is_flag=True, help="Pas veilige verbeteringen toe in .md- en .txt-bestanden (herschrijft de bestanden)."
)
@click.option(
    "--unsafe-fixes", is_flag=True, help="Met --fix of --diff: ook onveilige verbeteringen (nooit 'display-only')."
)
@click.option("--diff", "show_diff", is_flag=True, help="Toon als diff wat --fix zou veranderen; schrijft niets.")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Meld alleen wat niet in dit baselinebestand staat (zie 'eislint baseline').",
)
@click.option(
    "--changed-only",
    "changed_rev",
    metavar="REV",
    default=None,
    help="Alleen documenten (en in .md/.txt alleen regels) die sinds git-revisie REV gewijzigd zijn.",
)
@click.option(
    "--bundle",
    "whole_bundle",
    is_flag=True,
    help="Controleer bij elk genoemd bestand de hele aanbesteding (map) waar het bij hoort en meld wat in de "
    "genoemde bestanden staat plus wat zij elders in die aanbesteding veroorzaken (nieuw t.o.v. git "
    "HEAD). Voor de pre-commit-hook.",
)
@click.option("--quiet", "-q", is_flag=True, help="Alleen meldingen; geen mededelingen en samenvatting.")
@click.option("--statistics", is_flag=True, help="Alleen het aantal meldingen per regel.")
@click.option("--no-color", is_flag=True, help="Geen kleuren.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Gebruik de cache niet: geen opgeslagen taalanalyses of uitkomsten (lees en schrijf niets; zie 'eislint cache').",
)
@click.option(
    "--jobs",
    "-j",
    "jobs",
    default="auto",
    show_default=True,
    metavar="N",
    help="Aantal processen voor de taalanalyse: een getal of 'auto' (parallel alleen bij een lange tekst "
    "en minstens twee vrije processors).",
)
def check(**params) -> None:
    """Controleer bestanden of mappen (recursief); '-' leest van stdin."""
    from eislint.checkrun import CheckOptions, run_check

    options = CheckOptions(**params)
    problem = options.usage_problem()
    if problem:
        raise click.UsageError(problem)
    sys.exit(run_check(options, sys.stdin.buffer, sys.stdout))


@main.command(name="baseline")
@click.argument("paths", nargs=-1)
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("eislint-baseline.json"),
    show_default=True,
    help="Het baselinebestand.",
)
@_lint_options
def baseline_cmd(paths, output, select, extend_select, ignore, config_path, nlp_model, rules_dir, debug) -> None:
    """Leg de huidige meldingen vast; 'check --baseline' meldt daarna alleen nieuwe."""
    from eislint.baseline import write
    from eislint.engine import lint_paths

    if not paths:
        raise click.UsageError("geef een of meer bestanden of mappen")
    if "-" in paths:
        raise click.UsageError("een baseline hoort bij bestanden, niet bij stdin ('-')")
    _check_output(output)
    report = lint_paths(
        list(paths), _run_options(select, extend_select, ignore, config_path, nlp_model, rules_dir, debug=debug)
    )
    for error in report.errors:
        _fail(str(error))
    if report.errors:
        sys.exit(ExitStatus.ERROR)
    count = write(report.findings, output)
    click.echo(f"{output} geschreven: {aantal(count, 'melding')} in {aantal(len(report.documents), 'document')}.")


@main.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="De kopie met opmerkingen (nooit het origineel).",
)
@click.option("--force", is_flag=True, help="Een bestaand uitvoerbestand overschrijven.")
@click.option("--author", default="eislint", show_default=True, help="Auteur van de opmerkingen.")
@_lint_options
def annotate(
    source, output, force, author, select, extend_select, ignore, config_path, nlp_model, rules_dir, debug
) -> None:
    """Schrijf een kopie van een .docx of .xlsx met een opmerking bij elke melding."""
    from eislint.annotate import AnnotateError, annotate_file

    try:
        result = annotate_file(
            source,
            output,
            force=force,
            author=author,
            options=_run_options(select, extend_select, ignore, config_path, nlp_model, rules_dir, debug=debug),
        )
    except AnnotateError as exc:
        _fail(str(exc))
        sys.exit(ExitStatus.ERROR)
    click.echo(
        f"{output} geschreven: {aantal(result.placed, 'opmerking')}"
        + (f", {result.unplaced} zonder vindplaats (bij het begin van het document)" if result.unplaced else "")
        + "."
    )
    sys.exit(ExitStatus.OK)


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Adres om op te luisteren; alleen deze computer, tenzij u een ander adres kiest.",
)
@click.option("--port", default=8000, show_default=True, type=int, help="Poort.")
@click.option("--max-mb", default=25, show_default=True, type=int, help="Grootste upload in MB.")
@click.option("--open/--no-open", "open_browser", default=True, help="Open de pagina in de browser.")
def serve(host, port, max_mb, open_browser) -> None:
    """Start een webpagina op deze computer om een aanbesteding op te controleren."""
    from eislint.web import MissingExtra
    from eislint.web import serve as run

    try:
        run(host=host, port=port, max_mb=max_mb, open_browser=open_browser, echo=click.echo)
    except MissingExtra as exc:
        _fail(str(exc))
        sys.exit(ExitStatus.ERROR)


@main.command()
@click.option("--pack", default=None, help="Alleen dit pakket.")
@click.option("--category", default=None, help="Alleen deze categorie.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table")
def rules(pack, category, fmt) -> None:
    """Toon de beschikbare regels."""
    from eislint.loader import load_packs

    selected = [
        r
        for p in load_packs()
        for r in p.rules
        if (pack is None or r.pack == pack) and (category is None or r.category == category)
    ]
    if fmt == "json":
        import json

        click.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "category": r.category,
                        "level": r.level.label,
                        "scope": r.scope,
                        "check": r.check,
                        "wat": r.docs["wat"],
                        "bron": r.citation,
                    }
                    for r in selected
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if fmt == "markdown":
        from eislint.ruledocs import markdown

        click.echo(markdown(load_packs()), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    from eislint.dutch.output import SCOPE_WORDS

    table = Table(show_edge=False)
    for col in ("regel", "categorie", "ernst", "bereik", "wat"):
        table.add_column(col, overflow="fold")
    for r in selected:
        table.add_row(
            r.id, r.category, r.level.dutch, SCOPE_WORDS.get(r.scope, r.scope), r.docs["wat"].split(". ")[0][:90]
        )
    Console(width=160).print(table)
    click.echo(aantal(len(selected), "regel"))


@main.command()
@click.argument("rule_id")
def explain(rule_id) -> None:
    """Leg een regel uit: wat, waarom, voorbeeld fout en goed, bron."""
    from eislint.loader import all_rules
    from eislint.ruledocs import explain as render_explain

    rules_by_id = {}
    for r in all_rules():
        rules_by_id[r.id] = r
        for alias in r.aliases:
            rules_by_id[alias] = r
    rule = rules_by_id.get(rule_id)
    if rule is None:
        from eislint.didyoumean import hint

        close = hint(rule_id, rules_by_id) or " Zie 'eislint rules'."
        raise click.UsageError(f"onbekende regel '{rule_id}'.{close}")
    click.echo(render_explain(rule))


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("eislint.yaml"))
@click.option("--force", is_flag=True, help="Bestaand bestand overschrijven.")
def init(path: Path, force: bool) -> None:
    """Schrijf een eislint.yaml met uitleg als startpunt."""
    from eislint.starter import STARTER_CONFIG

    if path.exists() and not force:
        raise click.UsageError(f"{path} bestaat al (gebruik --force om te overschrijven)")
    path.write_text(STARTER_CONFIG, encoding="utf-8")
    click.echo(f"{path} geschreven.")


@main.command(name="new-rule")
@click.argument("pack", metavar="PAKKET")
@click.argument("name", metavar="NAAM")
@click.option(
    "--type",
    "kind",
    type=click.Choice(["lexicon", "regex", "python"]),
    required=True,
    help="Soort regel: een woordenlijst, een reguliere expressie of Python-code.",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Map van de eislint-checkout (standaard: die van deze installatie).",
)
def new_rule(pack, name, kind, root) -> None:
    """Maak een nieuwe regel aan: het regelbestand, de testgevallen en (voor python) de module."""
    from eislint.loader import rules_dir
    from eislint.scaffold import new_rule as scaffold

    if root is None:
        found = rules_dir()
        if found.name != "rules":
            raise click.UsageError("nieuwe regels maakt u in een checkout van eislint (of geef --root)")
        root = found.parent
    try:
        made = scaffold(root, pack, name, kind)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    for path in made.written:
        click.echo(f"{path} geschreven.")
    click.echo(
        f"Regel {made.rule_id} staat klaar; vervang de TODO's en draai de tests. docs/rules.md maakt u met "
        "'eislint rules --format markdown > docs/rules.md'."
    )


@main.command(name="eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("corpora"))
@click.option("--json", "as_json", is_flag=True, help="Cijfers als JSON.")
@click.option("--nlp-model", default=None, help="spaCy-pijplijn: 'default', 'blank', een pakketnaam of een pad.")
@click.option("--debug", is_flag=True, help="Volledige foutmeldingen (traceback).")
def evaluate(corpus: Path, as_json: bool, nlp_model, debug) -> None:
    """Vergelijk meldingen met de verwachte meldingen in een corpus: precisie, recall, F1."""
    from eislint.evaluate import evaluate_corpus, render_table

    result = evaluate_corpus(corpus, nlp_model=nlp_model, debug=debug)
    if as_json:
        import json

        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        render_table(result, sys.stdout)
    sys.exit(ExitStatus.ERROR if result.errors else ExitStatus.OK)


_SUGGEST_MAX = 100_000


@main.command()
@click.argument("text", required=False)
@click.option("--select", multiple=True, help="Alleen deze regels, pakketten of categorieën (komma's).")
@click.option("--ignore", multiple=True, help="Deze regels, pakketten of categorieën overslaan.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--debug", is_flag=True, help="Volledige foutmeldingen (traceback).")
def suggest(text, select, ignore, fmt, debug) -> None:
    """Beoordeel één eis (als argument of van stdin) en toon herschreven eisen."""
    from eislint.engine import RunOptions, lint_paths
    from eislint.suggest import render_json, render_text

    if text is None:
        text = sys.stdin.read(_SUGGEST_MAX + 1)
    if len(text) > _SUGGEST_MAX:
        raise click.UsageError(
            f"tekst te lang voor één eis (meer dan {_SUGGEST_MAX // 1000}.000 tekens); gebruik 'eislint check'"
        )
    if not text.strip():
        raise click.UsageError("geef de tekst van een eis als argument of via stdin")
    from eislint.suggest import REQUIREMENT_SCOPES

    options = RunOptions(select=_split(select) or None, ignore=_split(ignore), stdin_name="eis.txt", debug=debug)

    def check(requirement: str):
        result = lint_paths(["-"], options, stdin=requirement.encode("utf-8"))
        scopes = {r.id: r.scope for r in result.rules}
        result.findings = [f for f in result.findings if scopes.get(f.rule) in REQUIREMENT_SCOPES]
        return result

    report = check(text)
    (render_json if fmt == "json" else render_text)(report, text, sys.stdout, check)
    sys.exit(ExitStatus.OK)


@main.group(name="cache")
def cache_group() -> None:
    """Beheer de cache met taalanalyses en uitkomsten (een tweede controle van dezelfde tekst is sneller)."""


@cache_group.command(name="clear")
def cache_clear() -> None:
    """Verwijder alles uit de cache."""
    from eislint import cache

    stats = cache.info()
    cache.clear()
    click.echo(f"{_contents(stats)} verwijderd uit {cache.cache_dir()}.")


@cache_group.command(name="toon")
def cache_info() -> None:
    """Toon waar de cache staat en hoe groot hij is."""
    from eislint import cache

    stats = cache.info()
    size = f"{stats.size / 1_048_576:.1f}".replace(".", ",")
    limit = cache.max_bytes() // 1_048_576
    click.echo(f"{stats.path}: {_contents(stats)}, {size} MB (grens {limit} MB).")


def _contents(stats) -> str:
    """'12 taalanalyses en 1 opgeslagen uitkomst' (of a whole check: eislint.resultcache)."""
    from eislint.dutch.output import aantal

    return f"{aantal(stats.entries, 'taalanalyse')} en {aantal(stats.results, 'opgeslagen uitkomst')}"


# After cli_nl.install() and the other commands: `eislint corpus` (importing it loads no Dask).
from eislint.corpus.cli import corpus  # noqa: E402

main.add_command(corpus)
