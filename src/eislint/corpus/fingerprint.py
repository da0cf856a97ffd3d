"""What makes a stored result current: the bundle's content hash and the rule-set key.

A bundle is skipped on resume only when both are unchanged. The content hash covers every file
of the bundle (names and bytes, hidden folders excepted) and the configuration file that applies
to it (the nearest eislint.yaml or pyproject.toml, which may sit above the bundle). The rule-set
key covers everything else a finding depends on: the eislint version, the rule files, the
package's Python code (checks, engine, readers), the NLP pipeline and the run's own options
(--select, --ignore, --config, --nlp-model). Metadata from a manifest is not part of either, so
correcting a buyer's name does not re-lint anything.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from eislint.engine import RunOptions

_CHUNK = 1 << 20


def _update_file(h: hashlib._Hash, name: str, path: Path) -> None:
    h.update(name.encode("utf-8") + b"\0")
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    h.update(b"\0")


def bundle_files(path: Path) -> list[tuple[str, Path]]:
    """(relative name, path) of every file of a bundle, sorted; hidden folders are skipped,
    as `eislint check` skips them."""
    if path.is_file():
        return [(path.name, path)]
    files = []
    for child in path.rglob("*"):
        rel = child.relative_to(path)
        if any(part.startswith(".") for part in rel.parts[:-1]) or not child.is_file():
            continue
        files.append((rel.as_posix(), child))
    return sorted(files)


def content_hash(path: str | Path) -> str:
    """sha256 of a bundle's files and its configuration; FileNotFoundError when it is gone."""
    from eislint.config import find_config

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(str(path))
    h = hashlib.sha256()
    files = bundle_files(path)
    for name, file in files:
        _update_file(h, name, file)
    config = find_config(path)
    if config is not None:  # inside the bundle it is hashed twice, which does no harm
        _update_file(h, "\0config", config)
    return h.hexdigest()


def ruleset_key(options: RunOptions) -> str:
    """sha256 of what, besides the bundle, decides its findings (see the module docstring)."""
    return _ruleset_key(
        str(options.rules_dir) if options.rules_dir else None,
        str(options.config_path) if options.config_path else None,
        options.nlp_model,
        tuple(options.select) if options.select is not None else None,
        tuple(options.extend_select),
        tuple(options.ignore),
    )


@lru_cache(maxsize=8)
def _ruleset_key(rules_dir, config_path, nlp_model, select, extend_select, ignore) -> str:
    import eislint
    from eislint.loader import rules_dir as default_rules_dir

    h = hashlib.sha256()
    h.update(f"eislint {eislint.__version__}\0".encode())
    h.update(repr((nlp_model, select, extend_select, ignore)).encode())
    rules = Path(rules_dir) if rules_dir else default_rules_dir()
    if rules.is_dir():
        for file in sorted(p for p in rules.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            _update_file(h, "rules/" + file.relative_to(rules).as_posix(), file)
    package = Path(eislint.__file__).resolve().parent
    for file in sorted(package.rglob("*.py")):
        rel = file.relative_to(package)
        if rel.parts[0] in ("corpus", "nlp_model"):  # the driver does not shape findings
            continue
        _update_file(h, "code/" + rel.as_posix(), file)
    pipeline = _pipeline_dir(nlp_model)
    if pipeline is not None:
        for file in sorted(p for p in pipeline.rglob("*") if p.is_file()):
            name = file.relative_to(pipeline).as_posix()
            if file.suffix in (".json", ".cfg"):  # meta and config in full; weights by name and size
                _update_file(h, "nlp/" + name, file)
            else:
                h.update(f"nlp/{name}\0{file.stat().st_size}\0".encode())
    else:
        h.update(f"nlp {nlp_model}\0{_package_version(nlp_model)}".encode())
    if config_path:
        _update_file(h, "config", Path(config_path))
    return h.hexdigest()


def _pipeline_dir(nlp_model: str | None) -> Path | None:
    if nlp_model in (None, "", "default"):
        try:
            from eislint.nlp_model import PIPELINE_PATH
        except ImportError:
            return None
        return PIPELINE_PATH if PIPELINE_PATH.is_dir() else None
    path = Path(nlp_model)
    return path if path.is_dir() else None


def _package_version(name: str | None) -> str:
    if not name or name == "blank":
        return ""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"
