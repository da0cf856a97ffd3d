"""Run rules over Documents: read -> segment -> annotate -> check -> filter.

The library entry point is `lint_paths(paths, options) -> Report`; the CLI is a thin layer on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eislint import readers, suppress
from eislint.analysis import Analysis, ParseSettings, analyse
from eislint.checks import CHECK_TYPES, Context, Hit, Unit
from eislint.checks.base import Bundle
from eislint.config import Config, find_config, known_selectors, load_config
from eislint.context import Tender
from eislint.context import infer as infer_tender
from eislint.document import Document
from eislint.dutch.numbers import getal
from eislint.findings import Finding, InputError
from eislint.loader import Rule, all_rules
from eislint.parseplan import plan as parse_plan
from eislint.sectionindex import SectionIndex
from eislint.segment import segment
from eislint.stamp import MAX_REWRITE_CHARS, make_finding, render, rewrite, system_name  # noqa: F401 (public)
from eislint.yamlio import ConfigError

PARSE_ANNOTATIONS = {"lemma", "pos", "morph", "dep", "ents"}
# The largest real tender seen has a few hundred paragraphs and cells; a spreadsheet of 10,000
# columns has a million. Every unit becomes a spaCy Doc: beyond this the run would take minutes.
MAX_PARSE_UNITS = 50_000


@dataclass(slots=True)
class RunOptions:
    """What the CLI (or a library caller) adds on top of the config files."""

    config_path: Path | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    nlp_model: str | None = None
    stdin_name: str = "-"
    rules_dir: Path | None = None
    debug: bool = False  # an unexpected exception in a reader is raised, not reported as one line
    cache: bool = False  # parses from and to the cache on disk (eislint.cache); `eislint check` turns it on
    cache_results: bool = True  # with `cache`: whole results too (eislint.resultcache); off for throwaway copies
    jobs: int | None = 1  # processes for the parse; None: automatic (eislint.parallel); `eislint check -j`
    progress: Any = None  # called with (characters parsed, characters to parse): a progress bar


@dataclass(slots=True)
class DocumentSummary:
    path: str
    format: str
    sections: dict[str, int]
    requirements: dict[str, int]
    findings: dict[str, int]
    role: str = "overig"
    role_reason: str = ""
    model_text: bool = False
    bundle: str = ""
    headings: dict[str, list[str]] = field(default_factory=dict)  # section kind -> titles (readiness)
    lone_annex: bool = False  # in a bundle of annexes only: the tender's parts were not judged


@dataclass(slots=True)
class Report:
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    documents: list[DocumentSummary] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    config: Config | None = None
    tenders: dict[str, Tender] = field(default_factory=dict)  # bundle -> the context rules weighed against

    def summary(self) -> dict[str, Any]:
        by_sev = Counter(f.severity.label for f in self.findings)
        return {
            "documents": len(self.documents),
            "errors": len(self.errors),
            "findings": len(self.findings),
            "by_severity": {s: by_sev.get(s, 0) for s in ("error", "warning", "info")},
            "by_category": dict(sorted(Counter(f.category for f in self.findings).items())),
            "by_rule": dict(sorted(Counter(f.rule for f in self.findings).items())),
        }


# ---------------------------------------------------------------- files


def _bundle(root: Path, child: Path, raw: str, flat: bool) -> str:
    parts = child.relative_to(root).parts
    return raw if flat or len(parts) == 1 else str(Path(raw) / parts[0])


def _has_documents(folder: Path) -> bool:
    return any(c.is_file() and readers.supported(c) and not readers.is_temporary(c) for c in folder.iterdir())


def collect(paths: list[str], report: Report) -> list[tuple[Path | None, str, str]]:
    """Files to check: (path, display name, bundle); `-` is stdin. Directories recursively.

    A directory is one tender bundle; the loose files named on the command line form another.
    A directory that holds no documents itself but folders of them ("aanbestedingen/lms/",
    "aanbestedingen/zaaksysteem/") is a folder of tenders: each subfolder is a bundle.
    """
    out: list[tuple[Path | None, str, str]] = []
    for raw in paths:
        if raw == "-":
            out.append((None, "-", ""))
            continue
        path = Path(raw)
        if path.is_dir():
            flat = _has_documents(path)  # documents at the top: one tender, its subfolders included
            for child in sorted(path.rglob("*")):
                if any(part.startswith(".") and part not in (".", "..") for part in child.relative_to(path).parts[:-1]):
                    continue
                if not child.is_file():
                    if child.is_symlink() and not child.exists():  # a loop or a dangling link
                        report.notices.append(f"{child}: {_broken_link(child)}, overgeslagen")
                    continue
                if readers.is_temporary(child):
                    report.notices.append(f"{child}: tijdelijk of vergrendelingsbestand overgeslagen")
                elif readers.supported(child):
                    out.append((child, str(child), _bundle(path, child, raw, flat)))
                elif not child.name.startswith(".") and child.suffix.lower() not in (".yaml", ".yml", ".toml", ".json"):
                    report.notices.append(
                        f"{child}: bestandstype '{child.suffix or '(geen)'}' niet ondersteund, overgeslagen"
                    )
        elif path.exists() or path.is_symlink():  # the reader names what is wrong with a link
            out.append((path, raw, ""))
        else:
            report.errors.append(InputError(raw, "bestand of map bestaat niet"))
    return out


def _broken_link(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        return "symbolische koppeling naar een bestand dat niet bestaat"
    except (OSError, RuntimeError):  # ELOOP; RuntimeError before Python 3.13
        pass
    return "symbolische koppeling in een lus"


class Stdin:
    """Standard input, read once and never more than the size limit (a pipe from /dev/zero
    would otherwise fill the memory); a second run (after --fix) gets the same bytes."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self._data: bytes | None = None

    def read(self, max_bytes: int) -> bytes:
        if self._data is None:
            self._data = self._stream.read(max_bytes + 1)
        if len(self._data) > max_bytes:
            raise readers.ReadError(
                f"invoer is te groot (meer dan {max_bytes / 1_048_576:.0f} MB; grens in te "
                "stellen met 'max-bestandsgrootte')"
            )
        return self._data


# ---------------------------------------------------------------- entry point


def lint_paths(paths: list[str], options: RunOptions | None = None, stdin: bytes | Stdin | None = None) -> Report:
    """read -> segment -> annotate -> check -> filter for every file, by config group; the Report
    the formatters write (the report stage)."""
    options = options or RunOptions()
    rules = all_rules(options.rules_dir)
    report = Report()
    files = collect(paths, report)
    groups = _config_groups(files, options, rules)  # every config is read (and validated) before any file
    if not files and paths and not report.errors:
        report.notices.append("geen documenten gevonden om te controleren")
    if not files and paths:
        report.config = _with_cli(load_config(options.config_path or find_config(Path.cwd()), rules), options, rules)
    for config, group in groups.values():
        report.config = report.config or config
        _lint_group(group, config, rules, options, stdin, report)
    report.findings.sort(key=Finding.sort_key)
    return report


def _lint_group(
    group: list[tuple[Path | None, str, str]],
    config: Config,
    rules: list[Rule],
    options: RunOptions,
    stdin: bytes | Stdin | None,
    report: Report,
) -> None:
    """One config group, from the result cache when the same files were checked the same way."""
    key = None
    if options.cache and options.cache_results:
        from eislint import resultcache

        key = resultcache.group_key(group, config, rules, options, stdin)
        if key is not None and resultcache.load(key, report, config, rules):
            return
        mark = resultcache.Mark.of(report)
        before = report.rules
    documents = [segment(doc) for doc in read_documents(group, config, options, stdin, report)]
    settings = ParseSettings(persistent=options.cache, jobs=options.jobs, progress=options.progress)
    tenders = lint_documents(documents, config, rules, report, settings, debug=options.debug)
    # a file saved while it was checked: the findings are of neither version, so nothing is stored
    if key is not None and resultcache.group_key(group, config, rules, options, stdin) == key:
        ran = None if report.rules is before else [r.id for r in report.rules]
        resultcache.store(key, report, mark, ran, tenders)


def _config_groups(
    files: list[tuple[Path | None, str, str]], options: RunOptions, rules: list[Rule]
) -> dict[str, tuple[Config, list[tuple[Path | None, str, str]]]]:
    """The files by the config that applies to them (the nearest eislint.yaml, or --config)."""
    groups: dict[str, tuple[Config, list[tuple[Path | None, str, str]]]] = {}
    configs: dict[Path | None, Config] = {}
    for path, display, bundle in files:
        cfg_path = options.config_path
        if cfg_path is None:  # text from stdin is configured as the file it stands for
            stand_in = Path(options.stdin_name) if options.stdin_name not in ("", "-") else Path.cwd()
            cfg_path = find_config(path if path is not None else stand_in)
        if cfg_path not in configs:
            configs[cfg_path] = _with_cli(load_config(cfg_path, rules), options, rules)
        groups.setdefault(str(cfg_path), (configs[cfg_path], []))[1].append((path, display, bundle))
    return groups


def read_documents(
    group: list[tuple[Path | None, str, str]],
    config: Config,
    options: RunOptions,
    stdin: bytes | Stdin | None,
    report: Report,
) -> Iterator[Document]:
    """The read stage: each file as a Document of its bundle; what cannot be read becomes an
    error (or, for a file without text, a notice) in the report and the others go on."""
    max_bytes = int(config.max_file_mb * 1024 * 1024)
    for path, display, bundle in group:
        try:
            if path is None:
                data = stdin.read(max_bytes) if isinstance(stdin, Stdin) else (stdin or b"")
                suffix = Path(options.stdin_name).suffix or ".md"
                doc = readers.read_bytes(options.stdin_name, data, suffix, debug=options.debug)
            else:
                doc = readers.read_path(path, display, max_bytes=max_bytes, debug=options.debug)
        except readers.NoText as exc:  # a scan or a drawing: legitimate, said, not failed on
            report.notices.append(f"{display}: niet gecontroleerd: geen tekst ({exc})")
            continue
        except readers.ReadError as exc:
            report.errors.append(InputError(display, str(exc), internal=exc.internal))
            continue
        report.notices.extend(f"{doc.path}: {n}" for n in doc.notices)
        doc.bundle = bundle
        yield doc


def _with_cli(config: Config, options: RunOptions, rules: list[Rule]) -> Config:
    known = known_selectors(rules)
    for sel in [*(options.select or []), *options.extend_select, *options.ignore]:
        if sel not in known and sel.upper() != "ALL":
            from eislint.didyoumean import unknown

            raise ConfigError("--select/--ignore", unknown("regel, pakket of categorie", sel, known, show=False))
    if options.select is not None:
        config.select = list(options.select)
    config.extend_select = config.extend_select + list(options.extend_select)
    config.ignore = config.ignore + list(options.ignore)
    if options.nlp_model:
        config.nlp_model = options.nlp_model
    return config


# ---------------------------------------------------------------- the check stage


def lint_documents(
    documents: list[Document],
    config: Config,
    rules: list[Rule],
    report: Report,
    settings: ParseSettings | None = None,
    debug: bool = False,
) -> dict[str, Tender]:
    """annotate -> check -> filter for the documents of one config group; the tender context it
    inferred per bundle (also added to the report), in the order of the bundles."""
    if not documents:
        return {}
    per_doc_rules = [config.enabled_rules(rules, d.path) for d in documents]
    active = {r.id: r for rs in per_doc_rules for r in rs}
    nlp, provided = _pipeline(active.values(), config)
    if nlp is not None:
        documents, per_doc_rules = _parseable(documents, per_doc_rules, nlp.max_length, report)
    ctx = Context(nlp=nlp, tender=config.tender, annotations=provided)
    runnable = prepare_rules(active.values(), ctx, report)
    # the annotate stage: one nlp.pipe over the blocks the rules read, with the components they read
    plan = parse_plan(rule for rule, _ in runnable.values())
    analyses = _analysed(documents, nlp, plan, settings, report, debug)
    # a document whose analysis failed stays in its bundle: the others' bundle rules still see it
    bundles: dict[str, Bundle] = {}
    for doc in documents:
        bundles.setdefault(doc.bundle, Bundle()).append(doc)
    tenders = {key: infer_tender(docs, config.tender) for key, docs in bundles.items()}
    report.tenders.update(tenders)
    lone = _lone_annexes(bundles, active.values())
    report.notices.extend(_lone_annex_notice(bundles[key]) for key in lone)
    known = known_selectors(rules)
    for doc, analysis, doc_rules in zip(documents, analyses, per_doc_rules):
        if analysis is None:
            continue
        try:
            found = check_document(doc, analysis, doc_rules, runnable, bundles[doc.bundle], tenders[doc.bundle], ctx)
            kept = filter_findings(doc, analysis, found, doc_rules, active, known)
        except Exception as exc:  # one document's surprise must not cost the others their report
            if debug:
                raise
            report.errors.append(_internal_error(doc, exc))
            continue
        report.findings.extend(kept)
        report.documents.append(summarise(doc, kept))
        report.documents[-1].lone_annex = doc.bundle in lone
    report.rules = sorted(active.values(), key=lambda r: r.id)
    return tenders


def _lone_annexes(bundles: dict[str, Bundle], rules: Iterable[Rule]) -> set[str]:
    """The bundles of annexes only, where rules on the tender's parts were not applied."""
    if not any(rule.options.get("skip_lone_annex") for rule in rules):
        return set()
    from eislint.tender_scope import LONE_ANNEX, is_lone_annex

    # in the bundle's memo, where the rules that skip a lone annex find it (eislint.checks.required)
    return {key for key, docs in bundles.items() if docs.memo.setdefault(LONE_ANNEX, is_lone_annex(docs))}


def _lone_annex_notice(docs: list[Document]) -> str:
    from eislint.dutch.output import opsomming

    return (
        f"{opsomming([d.path for d in docs][:3])}: {'een losse bijlage' if len(docs) == 1 else 'alleen bijlagen'}, "
        "zonder leidraad of beschrijvend document; of de aanbesteding compleet is (aanleiding, gunning, "
        "prijsblad, exit, ...) is niet beoordeeld. Controleer de hele map om dat mee te nemen"
    )


def _analysed(
    documents: list[Document], nlp: Any, plan: Any, settings: ParseSettings | None, report: Report, debug: bool
) -> list[Analysis | None]:
    """The annotate stage for all documents in one stream; when that fails, document by document,
    so that only the document that made it fail (None) goes without its own checks."""
    try:
        return list(analyse(documents, nlp, plan=plan, settings=settings))
    except Exception:
        if debug:
            raise
    analyses: list[Analysis | None] = []
    for doc in documents:
        try:
            analyses.append(analyse([doc], nlp, plan=plan, settings=settings)[0])
        except Exception as exc:
            report.errors.append(_internal_error(doc, exc))
            analyses.append(None)
    return analyses


def _internal_error(doc: Document, exc: Exception) -> InputError:
    said = (str(exc).splitlines() or [""])[0][:200]  # one line, however long the exception's text
    what = f"{type(exc).__name__}: {said}" if said else type(exc).__name__
    return InputError(
        doc.path,
        f"niet gecontroleerd door een interne fout ({what}); de andere bestanden zijn wel gecontroleerd. "
        "Meld dit graag, met de uitvoer van --debug",
        internal=True,
    )


def _pipeline(rules: Iterable[Rule], config: Config) -> tuple[Any, set[str]]:
    """The spaCy pipeline the rules need (None when no rule needs a parse) and the annotations
    it provides."""
    if not any(r.requires & PARSE_ANNOTATIONS for r in rules):
        return None, {"sents"}
    from eislint import nlp as nlp_module

    try:
        nlp = nlp_module.load(config.nlp_model)
    except ConfigError as exc:
        raise ConfigError(config.path or exc.path, exc.message) from None
    return nlp, nlp_module.pipeline_annotations(nlp)


def prepare_rules(rules: Iterable[Rule], ctx: Context, report: Report) -> dict[str, tuple[Rule, Any]]:
    """Each rule with its check type's prepared options; a rule that needs an annotation the
    pipeline lacks is left out with one notice."""
    runnable: dict[str, tuple[Rule, Any]] = {}
    for rule in rules:
        missing = rule.requires - ctx.annotations
        if missing:
            report.notices.append(
                f"regel {rule.id} overgeslagen: de taalpijplijn levert geen {', '.join(sorted(missing))}"
            )
            continue
        try:
            prepared = CHECK_TYPES[rule.check].prepare(rule.options, ctx)
        except ValueError as exc:
            raise ConfigError(rule.path, str(exc)) from None
        runnable[rule.id] = (rule, prepared)
    return runnable


def check_document(
    doc: Document,
    analysis: Analysis,
    doc_rules: list[Rule],
    runnable: dict[str, tuple[Rule, Any]],
    bundle: Bundle,
    tender: Tender,
    ctx: Context,
) -> list[Finding]:
    """The check stage for one document: every runnable rule over the units of its scope."""
    found: list[Finding] = []
    units_by_scope: dict[str, list[Unit]] = {}
    doc_text = doc.clean(0, len(doc.text))
    for listed in doc_rules:
        if listed.id not in runnable:
            continue
        rule, prepared = runnable[listed.id]
        if rule.scope not in units_by_scope:
            units_by_scope[rule.scope] = build_units(doc, analysis, rule.scope)
            for unit in units_by_scope[rule.scope]:
                unit.bundle = bundle
                unit.tender = tender
        check = CHECK_TYPES[rule.check]
        if not _tender_applies(rule, tender) or not check.may_match(prepared, doc_text):
            continue
        for unit in units_by_scope[rule.scope]:
            if _when(rule, unit):
                found.extend(make_finding(rule, hit, unit) for hit in check.run(prepared, unit, ctx))
    return found


def filter_findings(
    doc: Document,
    analysis: Analysis,
    found: list[Finding],
    doc_rules: list[Rule],
    active: dict[str, Rule],
    known: Any,
) -> list[Finding]:
    """The filter stage for one document: inline suppressions take out what they cover; unused
    and invalid suppressions become meta.* findings."""
    sups, problems = suppress.parse(doc, known)
    kept = []
    for finding in found:
        rule = active[finding.rule]
        covering = [
            s
            for s in sups
            if s.start <= finding.start < max(s.end, s.start + 1) and suppress.matches(rule, s.selectors)
        ]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(finding)
    problems += suppress.unused(sups, [r for r in doc_rules if r.pack != "meta"])
    for problem in problems:
        meta_rule = active.get(problem.rule)
        if meta_rule is None:
            continue
        unit = Unit("document", doc, 0, len(doc.text), doc.clean(0, len(doc.text)), analysis)
        kept.append(make_finding(meta_rule, Hit(problem.start, problem.end, data=problem.data), unit))
    return kept


def _parseable(
    documents: list[Document], per_doc_rules: list[list[Rule]], limit: int, report: Report
) -> tuple[list[Document], list[list[Rule]]]:
    """Leave out documents with a block the parser refuses (spaCy E088: more than nlp.max_length
    characters; a parse needs about 1 GB per 100,000): one error naming the file and line."""
    kept_docs, kept_rules = [], []
    for doc, rules in zip(documents, per_doc_rules):
        spans = [
            span
            for b in doc.blocks
            if b.kind not in ("comment", "table_header", "heading")
            for span in (b.cells if b.kind == "table_row" else (b.content,))
            if span.end > span.start
        ]
        if len(spans) > MAX_PARSE_UNITS:  # a Doc per cell costs ~7 KB and ~1 ms: 10,000 columns is no tender
            count, most = getal(len(spans)), getal(MAX_PARSE_UNITS)
            report.errors.append(
                InputError(
                    doc.path,
                    f"{count} alinea's en cellen met tekst, meer dan {most}; te "
                    "veel om taalkundig te ontleden, niet gecontroleerd",
                )
            )
            continue
        long = next((span for span in spans if span.end - span.start > limit), None)
        if long is None:
            kept_docs.append(doc)
            kept_rules.append(rules)
            continue
        line, _ = doc.line_col(long.start)
        where = doc.location_at(long.start)
        place = f"regel {line}" if not where else ", ".join(f"{k} {v}" for k, v in where.items())
        size, most = getal(long.end - long.start), getal(limit)
        report.errors.append(
            InputError(
                doc.path,
                f"alinea ({place}) van {size} tekens is langer dan {most}, de "
                "grens van de taalanalyse; niet gecontroleerd",
            )
        )
    return kept_docs, kept_rules


def build_units(doc: Document, analysis: Analysis, scope: str) -> list[Unit]:
    units: list[Unit] = []
    if scope == "document":
        units.append(Unit("document", doc, 0, len(doc.text), doc.clean(0, len(doc.text)), analysis))
    elif scope == "section":
        for section in doc.sections:
            if section.heading is None and not any(b.start < (section.end) for b in doc.blocks if b.kind != "heading"):
                continue
            units.append(
                Unit(
                    "section",
                    doc,
                    section.start,
                    section.end,
                    doc.clean(section.start, section.end),
                    analysis,
                    section=section,
                )
            )
    elif scope == "requirement":
        for req in doc.requirements:
            units.append(
                Unit(
                    "requirement",
                    doc,
                    req.start,
                    req.end,
                    doc.clean(req.start, req.end),
                    analysis,
                    section=req.section,
                    requirement=req,
                )
            )
    else:
        index = analysis.shared("section-index", lambda: SectionIndex(doc.sections))
        for pu in analysis.units:
            spans = pu.sents if scope == "sentence" else [None]
            for span in spans:
                start, end = (span.start, span.end) if span is not None else (pu.start, pu.end)
                units.append(
                    Unit(
                        scope,
                        doc,
                        start,
                        end,
                        doc.clean(start, end),
                        analysis,
                        section=index.at(start),  # doc.section_at, without walking every section
                        requirement=doc.requirement_at(start),
                    )
                )
    return units


def _tender_applies(rule: Rule, tender: Tender) -> bool:
    """A rule with `tender: {business_critical: false}` is off when the context says otherwise;
    when the context is unknown it runs, and its message says so."""
    for name, wanted in rule.tender.items():
        value = getattr(tender.context, name)
        if name == "domain":  # a domain rule needs to know the domain
            if value is None or str(value).lower() != str(wanted).lower():
                return False
        elif value is not None and value != wanted:
            return False
    return True


def _when(rule: Rule, unit: Unit) -> bool:
    when = rule.when
    if unit.document.model_text and unit.scope in ("sentence", "paragraph", "section") and "roles" not in when:
        return False  # a standard model (GIBIT, VNG) is judged for how it is declared applicable
    if not when:
        return True
    requirement = unit.requirement
    values = {
        "sections": unit.section.kind if unit.section is not None else None,
        "requirements": requirement.kind if requirement is not None else None,
        "roles": unit.document.role,
        "priorities": requirement.priority if requirement is not None else None,
    }
    for key, value in values.items():
        if key in when and value not in when[key]:
            return False
        if f"not_{key}" in when and value in when[f"not_{key}"]:
            return False
    return True


def summarise(doc: Document, findings: list[Finding]) -> DocumentSummary:
    headings: dict[str, list[str]] = {}
    for s in doc.sections:
        if s.heading is not None:
            headings.setdefault(s.kind, []).append(s.title)
    return DocumentSummary(
        path=doc.path,
        format=doc.format,
        sections=dict(Counter(s.kind for s in doc.sections if s.heading is not None)),
        requirements=dict(Counter(r.kind for r in doc.requirements)),
        findings=dict(Counter(f.category for f in findings)),
        role=doc.role,
        role_reason=doc.role_reason,
        model_text=doc.model_text,
        bundle=doc.bundle,
        headings=headings,
    )
