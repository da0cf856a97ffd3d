"""What `eislint check` does, as a library function: one options object in, an exit status out.

The CLI parses the flags into `CheckOptions` and calls `run_check`; this module runs the engine,
narrows the report (--changed-only, --bundle, --baseline), applies or shows fixes, writes the
report with the chosen formatter and the notices and errors on stderr. Nothing here parses a
command line, so tests and other front ends call it directly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

import click

from eislint.cli_options import fail, run_options
from eislint.dutch.output import aantal
from eislint.findings import ExitStatus
from eislint.formatters import FORMATTERS


@dataclass(slots=True)
class CheckOptions:
    """Every flag of `eislint check` (the names are Click's parameter names)."""

    paths: tuple[str, ...] = ()
    fmt: str | None = None
    output: Path | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config_path: Path | None = None
    nlp_model: str | None = None
    rules_dir: Path | None = None
    debug: bool = False
    fail_on: str | None = None
    stdin_filename: str = "-"
    fix: bool = False
    unsafe_fixes: bool = False
    show_diff: bool = False
    baseline_path: Path | None = None
    changed_rev: str | None = None
    whole_bundle: bool = False
    quiet: bool = False
    statistics: bool = False
    no_color: bool = False
    no_cache: bool = False
    jobs: str = "auto"

    def usage_problem(self) -> str | None:
        """A combination of flags that makes no sense (a usage error, exit 2)."""
        if not self.paths:
            return "geef een of meer bestanden of mappen (of '-' voor stdin)"
        if self.fix and self.show_diff:
            return "--fix en --diff gaan niet samen: --diff laat alleen zien wat --fix zou doen"
        if self.unsafe_fixes and not (self.fix or self.show_diff):
            return "--unsafe-fixes werkt alleen samen met --fix of --diff"
        if self.changed_rev is not None and "-" in self.paths:
            return "--changed-only werkt niet met tekst van stdin ('-')"
        try:
            parse_jobs(self.jobs)
        except ValueError:
            return f"-j/--jobs verwacht een getal vanaf 1 of 'auto', niet '{self.jobs}'"
        return None

    def run_options(self) -> Any:
        return run_options(
            self.select,
            self.extend_select,
            self.ignore,
            self.config_path,
            self.nlp_model,
            self.rules_dir,
            self.stdin_filename,
            debug=self.debug,
            cache=not self.no_cache,
            jobs=parse_jobs(self.jobs),
        )


def parse_jobs(value: str) -> int | None:
    """'auto' -> None (automatic), else a number of processes (>= 1)."""
    if value.strip().lower() == "auto":
        return None
    jobs = int(value)
    if jobs < 1:
        raise ValueError(value)
    return jobs


def output_problem(output: Path | None) -> str | None:
    """Why an -o cannot be written, checked before the run rather than after it."""
    if output is None:
        return None
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        return "is een map"
    if not folder.is_dir():
        return f"map '{folder}' bestaat niet" if not folder.exists() else f"'{folder}' is geen map"
    if not os.access(folder, os.W_OK | os.X_OK) or (output.exists() and not os.access(output, os.W_OK)):
        return "geen schrijfrechten"
    return None


def exit_status(report: Any, threshold: str) -> int:
    from eislint.findings import Severity

    if report.errors:
        return ExitStatus.ERROR
    if threshold in ("never", "nooit"):
        return ExitStatus.OK
    floor = Severity.parse(threshold)
    return ExitStatus.FINDINGS if any(f.severity >= floor for f in report.findings) else ExitStatus.OK


class _Stop(Exception):
    """An error already said on stderr: stop with exit 2."""


def run_check(opts: CheckOptions, stdin_stream: IO[bytes] | None, out: TextIO) -> int:
    """Run `eislint check` as the options say; returns the exit status."""
    from eislint.engine import Stdin

    problem = output_problem(opts.output)
    if problem:
        fail(f"-o {opts.output}: {problem}; er is niets gecontroleerd")
        return ExitStatus.ERROR
    try:
        changes = _changes(opts)
        baseline = _baseline(opts)
        options = opts.run_options()
        stdin = Stdin(stdin_stream) if "-" in opts.paths and stdin_stream is not None else None
        bar = _progress(opts)
        options.progress = bar
        try:
            report, narrow = _lint(opts, options, stdin, changes, baseline)
        finally:
            if bar is not None:
                bar.close()
    except _Stop:
        return ExitStatus.ERROR
    if opts.fix or opts.show_diff:
        report, status = _fixes(opts, options, stdin, report, narrow, out)
        if status is not None:
            return status
    _write_report(opts, report, out)
    if not opts.quiet:
        for notice in dict.fromkeys(report.notices):
            click.echo(f"eislint: let op: {notice}", err=True)
    for error in report.errors:
        fail(str(error))
    config = report.config
    return exit_status(report, opts.fail_on or (config.fail_on if config else "error"))


def _progress(opts: CheckOptions) -> Any:
    """A progress bar on stderr for a long run on a terminal; never otherwise (it would end up in
    a log), never with --quiet."""
    import sys

    if opts.quiet or not sys.stderr.isatty():
        return None
    from eislint.progress import ProgressBar

    return ProgressBar(sys.stderr)


def _changes(opts: CheckOptions) -> Any:
    if opts.changed_rev is None:
        return None
    from eislint.gitchanges import Changes, GitError

    try:
        return Changes(opts.changed_rev)
    except GitError as exc:
        fail(str(exc))
        raise _Stop from None


def _baseline(opts: CheckOptions) -> Any:
    if opts.baseline_path is None:
        return None
    from eislint.baseline import BaselineError, load

    try:
        return load(opts.baseline_path)
    except BaselineError as exc:
        fail(str(exc))
        raise _Stop from None


def _lint(opts: CheckOptions, options: Any, stdin: Any, changes: Any, baseline: Any) -> tuple[Any, Any]:
    """The report, narrowed, and the narrowing (a re-check after --fix is narrowed the same way)."""
    from eislint.engine import lint_paths

    targets, named = list(opts.paths), set[Path]()
    if changes is not None or opts.whole_bundle:  # a tender is judged whole: a named file brings its bundle
        from eislint.gitchanges import expand_to_bundles

        targets, named = expand_to_bundles(targets)
    report = lint_paths(targets, options, stdin)
    before = _state_before(changes, opts.whole_bundle, targets, options, report)

    def narrow(report: Any) -> None:
        if changes is not None:
            from eislint.gitchanges import filter_report

            filter_report(report, changes, before)
        elif opts.whole_bundle:
            from eislint.gitchanges import keep_named_and_new

            keep_named_and_new(report, named, before)
        if baseline is not None:
            from eislint.baseline import filter_new

            report.findings[:], covered = filter_new(report.findings, baseline)
            if covered and not opts.quiet:
                report.notices.append(
                    f"{aantal(covered, 'bekende melding')} uit de baseline {opts.baseline_path} niet getoond"
                )

    narrow(report)
    return report, narrow


def _state_before(changes: Any, whole_bundle: bool, targets: list[str], options: Any, report: Any) -> Any:
    """(keys of the findings at the base revision, repository root), or None when there is no
    base to compare with. With --bundle the base is $PRE_COMMIT_FROM_REF (pre-push) or HEAD."""
    from eislint.gitchanges import GitError, findings_before, repository_root

    if changes is None and not whole_bundle:
        return None
    try:
        root = changes.root if changes is not None else repository_root(Path.cwd().resolve(), "--bundle")
        rev = changes.rev if changes is not None else (os.environ.get("PRE_COMMIT_FROM_REF") or "HEAD")
        return findings_before(rev, targets, options, root), root
    except GitError as exc:
        if changes is not None:
            fail(str(exc))
            raise _Stop from None
        report.notices.append(f"{exc}; alleen meldingen in de genoemde bestanden")
        return None


def _fixes(
    opts: CheckOptions, options: Any, stdin: Any, report: Any, narrow: Any, out: TextIO
) -> tuple[Any, int | None]:
    """--fix writes the safe fixes and re-checks; --diff shows them and ends the run."""
    from eislint import fixes
    from eislint.engine import lint_paths

    result = fixes.plan(report, options, unsafe=opts.unsafe_fixes)
    if opts.show_diff:
        click.echo(fixes.diff(result), nl=False, file=out)
    else:
        fixes.write(result)
        if result.applied:  # report what is left after fixing
            report = lint_paths(list(opts.paths), options, stdin)
            narrow(report)
    for line in result.errors:
        fail(line)
    click.echo(f"eislint: {result.summary(written=opts.fix)}", err=True)
    if opts.show_diff:
        threshold = opts.fail_on or (report.config.fail_on if report.config else "error")
        return report, exit_status(report, threshold)
    return report, None


def _write_report(opts: CheckOptions, report: Any, out: TextIO) -> None:
    config = report.config
    stream = open(opts.output, "w", encoding="utf-8", newline="\n") if opts.output is not None else None
    target = stream or out
    try:
        # https://no-color.org: NO_COLOR set and not empty means no colour, also on a terminal
        color = not opts.no_color and not os.environ.get("NO_COLOR") and stream is None and target.isatty()
        if opts.statistics:
            for rule, count in sorted(report.summary()["by_rule"].items(), key=lambda kv: (-kv[1], kv[0])):
                target.write(f"{count:5d}  {rule}\n")
            return
        name = opts.fmt or (config.format if config and config.format in FORMATTERS else None)
        name = name or ("rich" if target.isatty() else "concise")
        if opts.quiet and name == "concise":
            from eislint.formatters.concise import write_findings

            write_findings(report, target)
        else:
            FORMATTERS[name](report, target, color)
    finally:
        if stream is not None:
            stream.close()


__all__ = ["CheckOptions", "exit_status", "output_problem", "run_check"]
