"""What the CLI's commands share: the lint options, turning them into RunOptions, one error line.

A module of its own so that `eislint corpus` (corpus/cli.py) can use them without importing
cli.py, which adds the corpus command to itself.
"""

from __future__ import annotations

from pathlib import Path

import click


def split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def fail(message: str) -> None:
    click.echo(f"eislint: fout: {message}", err=True)


def lint_options(f):
    """The options `check`, `baseline` and `annotate` share."""
    decorators = [
        click.option("--select", multiple=True, help="Alleen deze regels, pakketten of categorieën (komma's)."),
        click.option("--extend-select", multiple=True, help="Deze regels, pakketten of categorieën erbij."),
        click.option("--ignore", multiple=True, help="Deze regels, pakketten of categorieën overslaan."),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Configuratiebestand (anders: het dichtstbijzijnde eislint.yaml).",
        ),
        click.option(
            "--nlp-model", default=None, help="spaCy-pijplijn: 'default', 'blank', een pakketnaam of een pad."
        ),
        click.option(
            "--rules-dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Map met regelpakketten in plaats van de meegeleverde (voor regelschrijvers).",
        ),
        click.option("--debug", is_flag=True, help="Volledige foutmeldingen (traceback)."),
    ]
    for decorator in reversed(decorators):
        f = decorator(f)
    return f


def run_options(
    select,
    extend_select,
    ignore,
    config_path,
    nlp_model,
    rules_dir,
    stdin_filename="-",
    debug=False,
    cache=False,
    jobs=1,
):
    from eislint.engine import RunOptions

    return RunOptions(
        config_path=config_path,
        select=split(select) or None,
        extend_select=split(extend_select),
        ignore=split(ignore),
        nlp_model=nlp_model,
        stdin_name=stdin_filename,
        rules_dir=rules_dir,
        debug=debug,
        cache=cache,
        jobs=jobs,
    )
