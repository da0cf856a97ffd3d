"""`eislint serve`: a local web page to drop a tender on (Starlette, served by uvicorn).

GET / shows the upload form (Dutch); POST /rapport takes one document or a zip of the whole
tender plus the tender context the documents may not state (estimated value, business
critical, personal data), checks it, and answers with the HTML report, the report as a file
and the annotated Word/Excel copies as downloads (data: links, so nothing stays on the
server). Every upload lives in a temporary folder that is removed before the response is sent;
the request body is capped (413 beyond the limit) and only hosts on this machine are served.

Starlette, uvicorn and python-multipart come with the optional extra `eislint[web]`.
"""

from __future__ import annotations

import base64
import contextlib
import re
import tempfile
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eislint.web.bundle import DOCUMENT_SUFFIXES, UploadError, lay_out

DEFAULT_MAX_MB = 25
_LOCK = threading.Lock()  # one check at a time: the spaCy pipeline is shared and not thread-safe
ACCEPT = ",".join([*DOCUMENT_SUFFIXES, ".zip"])
MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".html": "text/html;charset=utf-8",
}


class MissingExtra(Exception):
    """The web extra is not installed; the message says how to install it."""


def require_extra() -> None:
    missing = []
    for module in ("starlette", "uvicorn", "multipart"):
        try:
            __import__(module)
        except ImportError:
            missing.append({"multipart": "python-multipart"}.get(module, module))
    if missing:
        raise MissingExtra(
            f"'eislint serve' heeft extra pakketten nodig die niet geïnstalleerd zijn ({', '.join(missing)}). "
            "Installeer ze met: pip install 'eislint[web]'"
        )


@dataclass(slots=True)
class TenderForm:
    value: float | None = None
    business_critical: bool | None = None
    personal_data: bool | None = None

    def as_config(self) -> dict:
        tender = {}
        if self.value is not None:
            tender["contract_value"] = self.value
        if self.business_critical is not None:
            tender["business_critical"] = self.business_critical
        if self.personal_data is not None:
            tender["personal_data"] = self.personal_data
        return {"tender": tender} if tender else {}


def parse_amount(text: str) -> float | None:
    """'360.000', '€ 360.000,-', '1.500.000,50', '360000', '1,5 miljoen' -> a number; '' -> None."""
    raw = (text or "").strip().lower().replace("€", "").replace("eur", "").replace(",-", "").strip()
    if not raw:
        return None
    factor = 1
    m = re.fullmatch(r"(.+?)\s*(miljoen|mln\.?|mio)", raw)
    if m:
        raw, factor = m.group(1).strip(), 1_000_000
    raw = raw.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?", raw):
        value = float(raw.replace(".", "").replace(",", "."))
    elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+", raw):  # written the English way
        value = float(raw.replace(",", ""))
    else:
        raise UploadError(f"De geraamde waarde '{text.strip()}' is geen bedrag; schrijf bijvoorbeeld 360.000.")
    return value * factor


def _choice(value: str | None) -> bool | None:
    return {"ja": True, "nee": False}.get((value or "").strip().lower())


def _size(n: int) -> str:
    from eislint.dutch.output import getal

    return f"{getal(n / 1024, 0)} kB" if n < 1_048_576 else f"{getal(n / 1_048_576, 1)} MB"


def _data_uri(data: bytes, suffix: str) -> str:
    mime = MIME.get(suffix, "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def check_upload(name: str, data: bytes, form: TenderForm, workdir: str | None, max_unpacked: int):
    """Check one upload in a temporary folder; returns (report page, report file name, report html).

    The folder is gone when this returns, whatever happened.
    """
    import yaml

    from eislint import annotate, readers
    from eislint.engine import RunOptions, lint_paths
    from eislint.formatters.html import Download, render_html

    with tempfile.TemporaryDirectory(prefix="eislint-serve-", dir=workdir) as tmp:
        folder = Path(tmp)
        (folder / "upload").mkdir()
        laid = lay_out(name, data, folder / "upload", max_unpacked)
        config = folder / "eislint.yaml"  # ours only: a config inside an upload is never read
        config.write_text(
            yaml.safe_dump(form.as_config() or {"fail-on": "error"}, allow_unicode=True), encoding="utf-8"
        )
        with _LOCK:
            report = lint_paths([str(p) for p in laid.paths], RunOptions(config_path=config))
            downloads: list[Download] = []
            rules = {r.id: r for r in report.rules}
            for doc in laid.documents:
                if doc.suffix.lower() not in annotate.SUFFIXES:
                    continue
                findings = [f for f in report.findings if f.path == str(doc)]
                target = folder / f"{doc.stem}-eislint{doc.suffix}"
                try:
                    extracted = readers.read_path(doc)
                except readers.ReadError:
                    continue  # the report names the file it could not read
                writer = annotate.annotate_docx if doc.suffix.lower() == ".docx" else annotate.annotate_xlsx
                writer(doc, target, findings, rules, "eislint", extracted)
                kind = "Word" if doc.suffix.lower() == ".docx" else "Excel"
                payload = target.read_bytes()
                downloads.append(
                    Download(
                        label=f"{kind}-bestand met opmerkingen: {doc.name}",
                        filename=target.name,
                        href=_data_uri(payload, doc.suffix.lower()),
                        size=_size(len(payload)),
                    )
                )
        _relabel(report, folder / "upload")
        report.notices.extend(laid.skipped)
        stem = Path(laid.root.name if laid.root else Path(name).stem).name
        standalone = render_html(report)
        report_name = f"eislint-rapport-{stem}.html"
        encoded = standalone.encode("utf-8")
        downloads.insert(
            0,
            Download(
                label="Rapport (HTML, ook te printen als PDF)",
                filename=report_name,
                href=_data_uri(encoded, ".html"),
                size=_size(len(encoded)),
            ),
        )
        page = render_html(report, downloads=downloads, back=True)
    return page, report_name, standalone


def _relabel(report, base: Path) -> None:
    """Paths as the user knows them ('aanbesteding/concept-pve.docx'), not the temporary folder."""
    prefix = str(base) + "/"

    def short(path: str) -> str:
        return path[len(prefix) :] if path.startswith(prefix) else path

    for f in report.findings:
        f.path = short(f.path)
    for d in report.documents:
        d.path, d.bundle = short(d.path), short(d.bundle)
    for e in report.errors:
        e.path = short(e.path)
    report.notices[:] = [n.replace(prefix, "") for n in report.notices]
    report.tenders = {short(k): v for k, v in report.tenders.items()}


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def upload_page(max_mb: int, error: str | None = None, values: dict | None = None) -> str:
    from jinja2 import Environment, select_autoescape

    from eislint import __version__
    from eislint.formatters.html import _asset as report_asset

    env = Environment(
        autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True, lstrip_blocks=True
    )
    return env.from_string(_asset("upload.html.j2")).render(
        css=report_asset("report.css"),
        max_mb=max_mb,
        error=error,
        accept=ACCEPT,
        version=__version__,
        values=values or {},
    )


class LimitBody:
    """ASGI middleware: refuse a request body above `limit` bytes (413), whatever Content-Length says."""

    def __init__(self, app, limit: int, page) -> None:
        self.app, self.limit, self.page = app, limit, page

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send):
        body = self.page().encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


def create_app(max_mb: int = DEFAULT_MAX_MB, workdir: str | None = None, hosts: list[str] | None = None):
    """The web application; `workdir` is where temporary folders go (the tests look there)."""
    require_extra()
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.responses import HTMLResponse, Response
    from starlette.routing import Route

    limit = max_mb * 1024 * 1024
    headers = {
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }
    form_csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )

    def page(error: str | None = None, status: int = 200, values: dict | None = None) -> Response:
        return HTMLResponse(
            upload_page(max_mb, error, values),
            status_code=status,
            headers={**headers, "Content-Security-Policy": form_csp},
        )

    async def index(request):
        return page()

    async def check(request):
        try:
            async with request.form(max_files=1, max_fields=10) as form:
                upload = form.get("bestand")
                values = {k: str(form.get(k) or "") for k in ("waarde", "kritisch", "persoonsgegevens")}
                if upload is None or isinstance(upload, str) or not upload.filename:
                    return page("Kies eerst een bestand om te controleren.", 400, values)
                data = await upload.read()
                name = upload.filename
        except _TooLarge:
            raise
        except Exception:
            return page("Het formulier kwam niet goed aan; probeer het opnieuw.", 400)
        if not data:
            return page(f"{name}: het bestand is leeg.", 400, values)
        try:
            tender = TenderForm(
                parse_amount(values["waarde"]), _choice(values["kritisch"]), _choice(values["persoonsgegevens"])
            )
            html, _, _ = await run_in_threadpool(check_upload, name, data, tender, workdir, 10 * limit)
        except UploadError as exc:
            return page(str(exc), 400, values)
        return HTMLResponse(html, headers=headers)

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/rapport", check, methods=["POST"]),
            Route("/rapport", lambda request: page(), methods=["GET"]),
        ],
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts or ["127.0.0.1", "localhost"])],
    )

    def too_large():
        return upload_page(
            max_mb,
            f"Het bestand is groter dan {max_mb} MB. Kies een kleiner bestand, "
            "of start eislint serve met een grotere --max-mb.",
        )

    return LimitBody(app, limit, too_large)


def serve(
    host: str = "127.0.0.1", port: int = 8000, max_mb: int = DEFAULT_MAX_MB, open_browser: bool = True, echo=print
) -> None:
    """Run the app until Ctrl+C."""
    require_extra()
    import uvicorn

    local = host in ("127.0.0.1", "localhost", "::1")
    hosts = ["127.0.0.1", "localhost", "[::1]"] if local else ["*"]
    app = create_app(max_mb, hosts=hosts)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    echo(f"eislint draait op {url} (stoppen met Ctrl+C).")
    if not local:
        echo(f"Let op: eislint is nu ook vanaf andere computers te bereiken via {host}:{port}.")
    if open_browser:
        import webbrowser

        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.run(app, host=host, port=port, log_level="warning")
