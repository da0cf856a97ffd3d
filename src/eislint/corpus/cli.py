"""`eislint corpus PAD -o MAP` and `eislint corpus report MAP`.

Imports only click and eislint's CLI option helpers (cli_options) at module level; cli.py adds
the group to `main`: `eislint --help` must not load Dask.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from eislint.cli_options import fail as _fail
from eislint.cli_options import lint_options as _lint_options
from eislint.cli_options import run_options as _run_options
from eislint.dutch.numbers import getal
from eislint.dutch.output import aantal
from eislint.findings import ExitStatus

_MAX_FAILED_LINES = 20


class _CorpusGroup(click.Group):
    """`eislint corpus PAD ...` means `eislint corpus run PAD ...`; `report` is a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_CorpusGroup, subcommand_metavar="[run] PAD_OF_MANIFEST -o MAP [OPTIES] | report MAP")
def corpus() -> None:
    """Controleer een corpus van aanbestedingen (een map met bundelmappen of een manifest) op
    een Dask-cluster en schrijf de meldingen als Parquet; 'eislint corpus report MAP' maakt er
    een HTML-pagina van. Vraagt pip install 'eislint[corpus]'."""


def _require(*modules: str) -> None:
    from eislint.corpus import MissingExtra, require_extra

    try:
        require_extra(*modules)
    except MissingExtra as exc:
        _fail(str(exc))
        sys.exit(ExitStatus.ERROR)


@corpus.command(name="run")
@click.argument("source", metavar="PAD_OF_MANIFEST", type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Map voor de resultaten (Parquet); een bestaande map wordt hervat.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADRES",
    help="Een bestaand Dask-cluster, bijvoorbeeld tcp://host:8786 (anders een lokaal cluster).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Aantal workerprocessen van het lokale cluster (standaard: één per processorkern).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Na zoveel bundels worden de resultaten vastgelegd.",
)
@click.option("--retry-failed", is_flag=True, help="Mislukte bundels opnieuw proberen, ook als ze niet veranderd zijn.")
@click.option("--quiet", "-q", is_flag=True, help="Geen voortgang en samenvatting.")
@_lint_options
def run_cmd(
    source,
    output,
    scheduler,
    workers,
    batch_size,
    retry_failed,
    quiet,
    select,
    extend_select,
    ignore,
    config_path,
    nlp_model,
    rules_dir,
    debug,
) -> None:
    """Controleer alle bundels van een map of manifest (CSV/JSONL) en schrijf de meldingen naar een map."""
    if scheduler and workers:
        raise click.UsageError("--workers geldt alleen voor het lokale cluster, niet met --scheduler")
    _require()
    from eislint.corpus.manifest import ManifestError
    from eislint.corpus.run import CorpusError, run_corpus

    options = _run_options(select, extend_select, ignore, config_path, nlp_model, rules_dir)
    progress = None if quiet or not sys.stderr.isatty() else _Progress()
    try:
        stats = run_corpus(
            source,
            output,
            options,
            scheduler=scheduler,
            workers=workers,
            batch_size=batch_size,
            retry_failed=retry_failed,
            progress=progress,
        )
    except (ManifestError, CorpusError) as exc:
        _fail(str(exc))
        sys.exit(ExitStatus.ERROR)
    except KeyboardInterrupt:
        click.echo(
            f"Onderbroken; wat klaar was staat in {output}. Hetzelfde commando gaat verder waar het stopte.", err=True
        )
        sys.exit(130)
    finally:
        if progress is not None:
            progress.close()
    for bundle, error in stats.failed[:_MAX_FAILED_LINES]:
        _fail(f"bundel {bundle}: {error}")
    if len(stats.failed) > _MAX_FAILED_LINES:
        _fail(
            f"en nog {aantal(len(stats.failed) - _MAX_FAILED_LINES, 'mislukte bundel')}; zie {output / 'bundles.parquet'}"
        )
    if not quiet:
        status = stats.summary.get("status", {})
        click.echo(
            f"{aantal(stats.bundles, 'bundel')}: {getal(stats.linted)} gecontroleerd, {getal(stats.skipped)} overgeslagen"
            f" (al gedaan), {getal(status.get('fout', 0))} mislukt; {aantal(stats.summary.get('findings', 0), 'melding')}"
            f" in totaal. {aantal(stats.workers, 'worker')}, {getal(stats.seconds, 1)} s. Resultaten in {output}/ "
            f"('eislint corpus report {output}' maakt een overzicht)."
        )
    sys.exit(ExitStatus.ERROR if stats.failed else ExitStatus.OK)


class _Progress:
    """A progress bar on a terminal (stderr)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True), transient=True)
        self._task: Any = None

    def __call__(self, result, stats) -> None:
        if self._task is None:
            self._bar.start()
            self._task = self._bar.add_task("bundels", total=stats.bundles)
        self._bar.update(self._task, completed=stats.linted + stats.skipped)

    def close(self) -> None:
        if self._task is not None:
            self._bar.stop()


@corpus.command(name="report")
@click.argument("results", metavar="MAP", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Het HTML-bestand (standaard: MAP/rapport.html).",
)
@click.option("--debug", is_flag=True, help="Volledige foutmeldingen (traceback).")
def report_cmd(results, output, debug) -> None:
    """Maak een HTML-overzicht (tabellen en grafieken) van de resultaten in MAP."""
    _require("pyarrow", "pandas", "matplotlib")
    from eislint.corpus.report import ReportError, write_report

    try:
        path = write_report(results, output)
    except ReportError as exc:
        _fail(str(exc))
        sys.exit(ExitStatus.ERROR)
    click.echo(f"{path} geschreven.")
