"""`eislint corpus report`: the summaries of a results folder as one self-contained HTML page.

Tables from the summary files, plots drawn by matplotlib as inline SVG (text as text, no fonts
or images to fetch); no scripts, no style sheets or images from elsewhere, so the page can be
mailed or archived as it is. The user-facing text is Dutch.
"""

from __future__ import annotations

import html
import io
import json
import numbers
import re
from pathlib import Path
from typing import Any

import pandas as pd

from eislint.corpus.store import atomic_write
from eislint.dutch.numbers import getal
from eislint.dutch.output import aantal

TOP_RULES = 25
TOP_BUYERS = 20
MAX_FAILED_ROWS = 100

_STATUS = {"ok": "gecontroleerd", "deels": "deels leesbaar", "fout": "mislukt", "niet gedaan": "niet gedaan"}
_HEAD = {
    "rule": "regel",
    "category": "categorie",
    "findings": "meldingen",
    "bundles": "bundels",
    "share_bundles": "aandeel bundels",
    "error": "fout",
    "warning": "waarschuwing",
    "info": "advies",
    "buyer": "aanbestedende dienst",
    "year": "jaar",
    "failed": "mislukt",
    "findings_per_bundle": "meldingen per bundel",
    "bundle": "bundel",
    "bundle_path": "pad",
}
_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:70rem;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.8rem 0;font-size:.9rem}
th,td{border:1px solid #d0d0d0;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#eef2f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
.meta{color:#555;font-size:.9rem}figure{margin:1rem 0}svg{max-width:100%;height:auto}
"""


class ReportError(ValueError):
    """A results folder the report cannot read: one Dutch line."""


def _number(value: float, decimals: int = 2) -> str:
    """Dutch notation: 1.234 and 16,21."""
    return getal(int(value)) if isinstance(value, numbers.Integral) else getal(value, decimals)


def _table(frame: pd.DataFrame, percent: tuple[str, ...] = ()) -> str:
    head = "".join(f"<th>{html.escape(_HEAD.get(c, c))}</th>" for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = []
        for column, value in zip(frame.columns, record):
            if column in percent and pd.notna(value):
                cells.append(f'<td class="n">{_number(value * 100, 1)}%</td>')
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and pd.notna(value):
                cells.append(f'<td class="n">{_number(value)}</td>')
            else:
                cells.append(f"<td>{html.escape('' if value is None or pd.isna(value) else str(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _svg(draw, name: str, height: float) -> str:
    """A matplotlib figure as inline SVG, without the XML prolog and metadata."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": name, "font.size": 9}):
        fig = Figure(figsize=(8.5, height))
        ax = fig.subplots()
        draw(ax)
        ax.spines[["top", "right"]].set_visible(False)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    return re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)


def _barh(labels: list[str], values: list[int], xlabel: str, name: str) -> str:
    def draw(ax) -> None:
        ax.barh(range(len(labels)), values, color="#2f6f9f")
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)

    return _svg(draw, name, 0.8 + 0.28 * max(len(labels), 1))


def _bars(labels: list[str], values: list[int], ylabel: str, name: str) -> str:
    def draw(ax) -> None:
        ax.bar(labels, values, color="#2f6f9f")
        ax.set_ylabel(ylabel)
        ax.tick_params(axis="x", labelrotation=45 if len(labels) > 8 else 0)

    return _svg(draw, name, 3.2)


def _read(root: Path, name: str) -> pd.DataFrame | None:
    path = root / f"{name}.parquet"
    return pd.read_parquet(path) if path.exists() else None


def render(results: str | Path) -> str:
    """The HTML page for a results folder of `eislint corpus`."""
    root = Path(results)
    try:
        info: dict[str, Any] = json.loads((root / "run.json").read_text(encoding="utf-8"))
        bundles = pd.read_parquet(root / "bundles.parquet")
        by_rule = pd.read_parquet(root / "summary_rule.parquet")
        by_category = pd.read_parquet(root / "summary_category.parquet")
    except FileNotFoundError:
        raise ReportError(
            f"{root}: geen resultaten van een volledige run gevonden (eerst: eislint corpus PAD -o {root})"
        ) from None
    except (OSError, ValueError) as exc:
        raise ReportError(f"{root}: resultaten niet leesbaar ({type(exc).__name__}: {exc})") from None
    by_buyer = _read(root, "summary_buyer")
    by_year = _read(root, "summary_year")
    overview = _overview(bundles, by_category)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>eislint: resultaten van een corpus</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>eislint: resultaten van een corpus</h1>",
        f'<p class="meta">Bron: {html.escape(str(info.get("source", "?")))} · eislint {html.escape(str(info.get("eislint", "?")))}'
        f" · regelset {html.escape(str(info.get('ruleset', ''))[:12])} · klaar op {html.escape(str(info.get('finished_at', '?')))}"
        f" · {aantal(int(info.get('workers', 0)), 'worker')}</p>",
        "<h2>Overzicht</h2>",
        _table(overview),
        "<h2>Meldingen per categorie</h2>",
        _table(by_category, percent=("share_bundles",)),
        "<h2>Meldingen per regel</h2>",
    ]
    parts += _by_rule(by_rule) + _by_year(by_year) + _by_buyer(by_buyer) + _failed(bundles)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _overview(bundles: pd.DataFrame, by_category: pd.DataFrame) -> pd.DataFrame:
    counts = bundles["status"].value_counts()
    checked = int(counts.get("ok", 0) + counts.get("deels", 0))
    total_findings = int(by_category["findings"].sum()) if len(by_category) else 0
    return pd.DataFrame(
        [("bundels", len(bundles))]
        + [(_STATUS.get(s, s), int(counts.get(s, 0))) for s in ("ok", "deels", "fout", "niet gedaan") if counts.get(s)]
        + [
            ("meldingen", total_findings),
            ("meldingen per gecontroleerde bundel", round(total_findings / checked, 2) if checked else 0.0),
        ],
        columns=["", "aantal"],
        dtype=object,
    )


def _by_rule(by_rule: pd.DataFrame) -> list[str]:
    parts = []
    if len(by_rule):
        top = by_rule.head(TOP_RULES)
        title = f"de {TOP_RULES} regels met de meeste meldingen" if len(by_rule) > TOP_RULES else "alle regels"
        parts.append(
            f"<figure>{_barh(top['rule'].tolist(), top['findings'].tolist(), 'meldingen', 'rules')}"
            f"<figcaption>Meldingen per regel ({title}).</figcaption></figure>"
        )
    parts.append(_table(by_rule, percent=("share_bundles",)))
    return parts


def _by_year(by_year: pd.DataFrame | None) -> list[str]:
    parts = ["<h2>Meldingen per jaar</h2>"]
    if by_year is not None and len(by_year):
        known = by_year[by_year["year"] != "(onbekend)"]
        if len(known):
            parts.append(
                f"<figure>{_bars(known['year'].tolist(), known['findings'].tolist(), 'meldingen', 'years')}"
                "<figcaption>Meldingen per jaar van publicatie.</figcaption></figure>"
            )
        parts.append(_table(by_year))
    else:
        parts.append(
            "<p>Geen datum in de metadata (kolom <code>date</code> of <code>datum</code> in het manifest).</p>"
        )
    return parts


def _by_buyer(by_buyer: pd.DataFrame | None) -> list[str]:
    parts = ["<h2>Meldingen per aanbestedende dienst</h2>"]
    if by_buyer is not None and len(by_buyer):
        top = by_buyer.head(TOP_BUYERS)
        parts.append(
            f"<figure>{_barh(top['buyer'].tolist(), top['findings'].tolist(), 'meldingen', 'buyers')}"
            f"<figcaption>Meldingen per aanbestedende dienst (hoogstens {TOP_BUYERS}).</figcaption></figure>"
        )
        parts.append(_table(by_buyer))
    else:
        parts.append(
            "<p>Geen aanbestedende dienst in de metadata (kolom <code>buyer</code> of <code>koper</code> "
            "in het manifest).</p>"
        )
    return parts


def _failed(bundles: pd.DataFrame) -> list[str]:
    parts: list[str] = []
    failed = bundles[bundles["status"] == "fout"]
    if len(failed):
        parts.append(f"<h2>Mislukte bundels ({len(failed)})</h2>")
        shown = failed[["bundle", "error"]].head(MAX_FAILED_ROWS)
        parts.append(_table(shown))
        if len(failed) > MAX_FAILED_ROWS:
            parts.append(f"<p>en nog {len(failed) - MAX_FAILED_ROWS}; zie bundles.parquet.</p>")
    return parts


def write_report(results: str | Path, output: str | Path | None = None) -> Path:
    page = render(results)
    path = Path(output) if output is not None else Path(results) / "rapport.html"
    if not path.parent.is_dir():
        raise ReportError(f"{path.parent}: map bestaat niet")
    atomic_write(path, lambda tmp: tmp.write_text(page, encoding="utf-8"))
    return path
