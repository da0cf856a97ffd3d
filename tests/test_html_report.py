"""The HTML report as a file: self-contained, Dutch, grouped; and the serve app without a browser."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT

SAMPLE = ROOT / "corpora" / "lms-gemeente-zeedorp-office" / "concept-pve.docx"


@pytest.fixture(scope="module")
def html() -> str:
    from eislint.engine import RunOptions, lint_paths
    from eislint.formatters.html import render_html

    return render_html(lint_paths([str(SAMPLE)], RunOptions()))


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset", "poster", "data") and value:
                self.refs.append(value)


def test_report_is_one_file_without_external_references(html):
    parser = _Refs()
    parser.feed(html)
    assert "link" not in parser.tags and "iframe" not in parser.tags and "img" not in parser.tags
    assert all(ref.startswith("#") for ref in parser.refs), [r for r in parser.refs if not r.startswith("#")]
    assert not re.search(r"url\(|@import|@font-face|https?://(?!www\.w3\.org)", html.split("<body>")[0])
    assert "<script src" not in html
    assert re.search(r"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html)


def test_report_is_dutch_and_shows_the_parts(html):
    assert '<html lang="nl">' in html
    for part in (
        "Aanleiding",
        "Doelstelling",
        "Randvoorwaarden en selectie",
        "Eisen en wensen",
        "Gunning",
        "Kwaliteit",
        "Implementatie",
        "Contract",
    ):
        assert f'<th scope="row">{part}</th>' in html
    assert re.search(r"\d+ fouten</span>, ", html) and re.search(r"\d+ adviezen", html)
    assert "4,2 keer" in html
    assert not re.search(r">\s*(warning|error|info)\s*<", html)


def test_flagged_words_are_marked_in_the_requirement(html):
    assert re.search(
        r"<blockquote>Het LMS is <mark class=\"sev-warning\" data-refs=\"f\d+\">gebruiksvriendelijk</mark>", html
    )


def test_shared_advice_is_shown_once(html):
    # eisen.norm-zonder-gelijkwaardig has one advice per norm; eisen.ui-element has one shared advice
    advice = "Beschrijf wat de gebruiker moet kunnen bereiken, niet met welk scherm of welke knop."
    assert html.count(advice) == 1
    assert html.count("bron: ") == 0 and html.count("<dt>Bron</dt>") == len(set(re.findall(r'id="regel-[^"]+"', html)))


def test_text_in_the_document_is_escaped():
    from conftest import lint_text
    from eislint.formatters.html import render_html

    report = lint_text("# PvE\n## Eisen\nE1. Het <script>alert(1)</script> systeem is gebruiksvriendelijk.\n")
    page = render_html(report)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_format_html_writes_a_file(run_cli, tmp_path):
    (tmp_path / "pve.md").write_text("# PvE\n## Eisen\nE1. Het systeem is snel.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "pve.md", "--format", "html", "-o", "rapport.html")
    text = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and "Gereedheid per onderdeel" in text


# ---------------------------------------------------------------- serve, without a browser


@pytest.fixture
def client(tmp_path):
    pytest.importorskip("starlette")
    pytest.importorskip("multipart")
    from starlette.testclient import TestClient

    from eislint.web import create_app

    work = tmp_path / "werk"
    work.mkdir()
    return TestClient(create_app(max_mb=1, workdir=str(work)), base_url="http://127.0.0.1"), work


def _alert(text: str) -> str:
    m = re.search(r'role="alert"[^>]*>([^<]*)<', text)
    return m.group(1) if m else ""


def test_serve_zip_bundle_with_context_and_unsafe_names(client):
    c, work = client
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "aanbesteding/pve.md",
            "# PvE\n## Eisen\nE1. Het systeem is snel.\nE2. Het systeem is flexibel.\nE3. Het systeem is modern.\n",
        )
        z.writestr("../ontsnapt.md", "# Buiten\n")
        z.writestr("__MACOSX/._pve.md", "x")
        z.writestr("logo.png", b"\x89PNG")
    r = c.post(
        "/rapport",
        files={"bestand": ("aanbesteding.zip", buf.getvalue())},
        data={"waarde": "€ 1,5 miljoen", "kritisch": "ja", "persoonsgegevens": "nee"},
    )
    assert r.status_code == 200, _alert(r.text)
    assert "Rapport aanbesteding aanbesteding" in r.text
    assert "onveilige naam, overgeslagen" in r.text and "logo.png" in r.text
    assert "€ 1.500.000" in r.text and "opgegeven" in r.text
    assert "/tmp" not in r.text and "eislint-serve-" not in r.text
    assert list(work.iterdir()) == []
    assert not (work.parent / "ontsnapt.md").exists()


def test_serve_refuses_a_zip_bomb(client):
    c, work = client
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("groot.txt", "a" * (20 * 1024 * 1024))
    r = c.post("/rapport", files={"bestand": ("bom.zip", buf.getvalue())})
    assert r.status_code == 400 and "zip-bom" in _alert(r.text)
    assert list(work.iterdir()) == []


def test_serve_limits_the_upload_size(client):
    c, work = client
    r = c.post("/rapport", files={"bestand": ("groot.docx", b"x" * (2 * 1024 * 1024))})
    assert r.status_code == 413 and "groter dan 1 MB" in _alert(r.text)
    assert list(work.iterdir()) == []


@pytest.mark.parametrize(
    "name, data, fields, expected",
    [
        ("virus.exe", b"MZ", {}, "leest dit bestandstype niet"),
        ("leeg.docx", b"", {}, "het bestand is leeg"),
        ("pve.md", b"# PvE\n", {"waarde": "veel"}, "is geen bedrag"),
    ],
)
def test_serve_says_in_dutch_what_is_wrong(client, name, data, fields, expected):
    c, _ = client
    r = c.post("/rapport", files={"bestand": (name, data)}, data=fields)
    assert r.status_code == 400 and expected in _alert(r.text)


def test_serve_without_a_file(client):
    c, _ = client
    r = c.post("/rapport", data={"waarde": ""})
    assert r.status_code == 400 and "Kies eerst een bestand" in _alert(r.text)


def test_serve_only_answers_local_hosts(client):
    c, _ = client
    assert c.get("/", headers={"host": "aanval.example"}).status_code == 400
    page = c.get("/")
    assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]


def test_amounts_are_read_the_dutch_way():
    from eislint.web import parse_amount

    assert parse_amount("360.000") == 360_000
    assert parse_amount("€ 1.500.000,-") == 1_500_000
    assert parse_amount("1,5 miljoen") == 1_500_000
    assert parse_amount("") is None


def test_serve_without_the_web_extra_says_how_to_install(monkeypatch, run_cli):
    import builtins

    real = builtins.__import__

    def fake(name, *args, **kwargs):
        if name.split(".")[0] in ("starlette", "uvicorn"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    code, out, err = run_cli("serve", "--no-open")
    assert code == 2


def test_serve_missing_extra_message(monkeypatch):
    import builtins

    from eislint import web

    real = builtins.__import__
    monkeypatch.setattr(
        builtins,
        "__import__",
        lambda name, *a, **k: (_ for _ in ()).throw(ImportError(name)) if name == "uvicorn" else real(name, *a, **k),
    )
    with pytest.raises(web.MissingExtra, match=r"pip install 'eislint\[web\]'"):
        web.require_extra()


def test_served_paths_are_never_in_the_report(tmp_path: Path):
    pytest.importorskip("starlette")
    from eislint.web import TenderForm, check_upload

    page, name, standalone = check_upload(
        "pve.md", b"# PvE\n## Eisen\nE1. Het systeem is snel.\n", TenderForm(), str(tmp_path), 10_000_000
    )
    assert name == "eislint-rapport-pve.html"
    assert str(tmp_path) not in page and str(tmp_path) not in standalone
    assert list(tmp_path.iterdir()) == []
