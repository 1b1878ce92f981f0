"""`pipeline serve`: a live preview for editors, with each page's findings shown on the page.

The preview builds as `pipeline build` does (the same cache, the same `dist/`), serves the
bundle over HTTP, watches the sources, catalogs, settings and the publisher's templates,
and builds again when one changes. Pages are served with two additions that never reach
`dist/`: a findings panel (`id="pipeline-findings"`) listing the page's accessibility,
readability and catalog findings, each of which highlights its element or sentence, and a
script that reloads the page when a new build is ready (server-sent events). Bad input
while serving shows its one-line error on every page until the file is fixed.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import queue
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .config import CONFIG_FILE, Settings
from .errors import PipelineError
from .layout import page_file, served_file
from .model import Finding

#: Where the page listens for new builds; no file of a bundle lives under this path.
EVENTS_PATH = "/__pipeline__/events"
#: The page shown before the first build is ready (or when it failed): it reloads by itself.
WAITING = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Preview</title></head>'
           '<body><main><h1>Building the preview…</h1></main></body></html>')
#: How long the watcher waits for more changes before it builds (editors save in bursts).
DEBOUNCE_MS = 150


@dataclass
class PreviewState:
    """The last build as the server shows it: its number, its findings per page, or its error."""

    generation: int = 0
    error: str | None = None
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # bundle path -> findings
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, findings: dict[str, list[Finding]] | None, error: str | None) -> None:
        """A build finished (findings) or failed (error): tell every open page."""
        with self.changed:
            if findings is not None:
                self.findings = findings
            self.error = error
            self.generation += 1
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The generation once it is newer than `seen`, or `seen` after the timeout."""
        with self.changed:
            self.changed.wait_for(lambda: self.generation != seen, timeout)
            return self.generation


def findings_by_page(findings: Iterable[Finding], dist: str) -> dict[str, list[Finding]]:
    """Each finding under the bundle file it is about: its built page, else its article's page in its locale.

    `dist` is the bundle's folder as findings show it (`dist`).
    """
    pages: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        built = next((r.file for r in finding.related if r.selector and r.file.startswith(f"{dist}/")), None)
        if built is not None:
            pages[built[len(dist) + 1:]].append(finding)
        elif finding.locale and finding.article:
            pages[page_file(finding.locale, finding.article)].append(finding)
    return dict(pages)


def decorate(page: str, findings: Sequence[Finding], error: str | None, generation: int) -> str:
    """A served page: the bundle's HTML with the findings panel, the error (if any) and the reload script."""
    parts = [_error_banner(error) if error else "", _panel(findings), _script(generation)]
    added = "".join(parts)
    end = page.rfind("</body>")
    return page[:end] + added + page[end:] if end != -1 else page + added


def _error_banner(error: str) -> str:
    return (f'<div id="pipeline-error" role="alert"><p><strong>The preview is not up to date.</strong> '
            f'{html.escape(error)}</p><p>Fix the file and save: the page reloads by itself.</p></div>')


def _panel(findings: Sequence[Finding]) -> str:
    """The findings panel: a complementary landmark with a button per finding."""
    items = []
    for index, finding in enumerate(sorted(findings, key=lambda f: f.sort_key())):
        where = f"{finding.file}:{finding.line}" if finding.file and finding.line else finding.file or ""
        target = {"selector": finding.selector, "quote": finding.quote}
        items.append(
            f'<li class="pipeline-{html.escape(finding.severity)}">'
            f'<button type="button" data-target="{html.escape(json.dumps(target, ensure_ascii=False))}" '
            f'aria-describedby="pipeline-finding-{index}">'
            f'{html.escape(finding.severity)} · {html.escape(finding.rule)}</button> '
            f'<span id="pipeline-finding-{index}">{html.escape(finding.message)}'
            f'{" — “" + html.escape(finding.quote) + "”" if finding.quote else ""}</span>'
            f'{f" <code>{html.escape(where)}</code>" if where else ""}</li>'
        )
    count = len(findings)
    title = f"{count} finding{'s' if count != 1 else ''} on this page" if count else "No findings on this page"
    body = f"<ol>{''.join(items)}</ol>" if items else ""
    return (f'<aside id="pipeline-findings" aria-labelledby="pipeline-findings-title">'
            f'<h2 id="pipeline-findings-title">{title}</h2>{body}<p id="pipeline-status" role="status"></p></aside>')


@functools.lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    """The panel's stylesheet and script, shipped beside this module."""
    folder = Path(__file__).parent / "preview"
    return (folder / "preview.css").read_text(encoding="utf-8"), (folder / "preview.js").read_text(encoding="utf-8")


def _script(generation: int) -> str:
    css, script = _assets()
    settings = json.dumps({"events": EVENTS_PATH, "generation": generation})
    return f"<style>{css}</style><script>const PIPELINE_PREVIEW = {settings};\n{script}</script>"


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the bundle's files; HTML pages decorated, and the stream of new builds."""

    state: PreviewState
    dist: Path

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, directory=str(self.dist), **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        """Quiet: the preview prints builds, not requests."""

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        """A file of the bundle, a decorated page, or the events stream."""
        if self.path.split("?", 1)[0] == EVENTS_PATH:
            return self._events()
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = Path(served_file(path.as_posix() + "/"))
        if path.suffix == ".html" or not self.dist.is_dir():
            return self._page(path)
        return super().do_GET()

    def _page(self, path: Path) -> None:
        try:
            page = path.read_text(encoding="utf-8")
        except OSError:
            if self.state.error is None and self.state.generation > 0:
                return self.send_error(404, "no such page in the bundle")
            page = WAITING  # the first build is still running, or it failed
        relative = path.relative_to(self.dist).as_posix() if path.is_relative_to(self.dist) else ""
        body = decorate(page, self.state.findings.get(relative, ()), self.state.error, self.state.generation).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """Server-sent events: the generation of each new build, and a comment now and then to keep the line open."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.state.generation
        try:
            self.wfile.write(f"data: {seen}\n\n".encode())
            self.wfile.flush()
            while not getattr(self.server, "closing", False):
                now = self.state.wait(seen, timeout=10)
                self.wfile.write(f"data: {now}\n\n".encode() if now != seen else b": still here\n\n")
                self.wfile.flush()
                seen = now
        except OSError:
            return  # the page went away


class PreviewServer(http.server.ThreadingHTTPServer):
    """The HTTP server of one preview, each request on a thread of its own."""

    daemon_threads = True
    closing = False


def start_server(host: str, port: int, dist: Path, state: PreviewState) -> PreviewServer:
    """Listen on host:port (0: any free port) and serve in a background thread."""
    handler = type("Handler", (PreviewHandler,), {"state": state, "dist": dist})
    try:
        server = PreviewServer((host, port), handler)
    except OSError as exc:
        raise PipelineError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
    return server


def watch(folders: Sequence[Path], files: Sequence[Path], changed: queue.Queue, stop: threading.Event) -> None:
    """Put a mark on `changed` after every burst of changes in the folders (all the way down) or to the files.

    Files are watched through their folder, not followed down it: editors save by renaming
    a new file over the old one, which a watch on the file itself would lose.
    """
    import watchfiles

    def follow(paths: Sequence[Path], recursive: bool, wanted: Callable[[str], bool]) -> None:
        for _ in watchfiles.watch(*paths, watch_filter=lambda _change, path: wanted(path), recursive=recursive,
                                  debounce=DEBOUNCE_MS, step=25, stop_event=stop, raise_interrupt=False):
            changed.put(True)

    names = {str(f.resolve()) for f in files}
    watchers = [(tuple(f for f in folders if f.is_dir()), True, lambda path: True),
                (tuple({f.parent for f in files}), False, lambda path: str(Path(path).resolve()) in names)]
    for paths, recursive, wanted in watchers:
        if paths:
            threading.Thread(target=follow, args=(paths, recursive, wanted), name="preview-watch", daemon=True).start()


def serve(
    load: Callable[[], Settings],
    host: str,
    port: int,
    locales: Sequence[str],
    say: Callable[[str], None],
    workers: int | None = None,
) -> None:
    """Build, serve, and build again on every change until interrupted (Ctrl-C), which returns."""
    settings = load()
    state = PreviewState()
    server = start_server(host, port, settings.path("dist_dir"), state)
    say(f"serving http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)")
    changed: queue.Queue = queue.Queue()
    stop = threading.Event()
    folders = [settings.path(k) for k in ("source_dir", "locales_dir")] + [
        settings.path(k) for k in ("templates_dir", "static_dir") if getattr(settings, k)]
    watch(folders, [settings.root / CONFIG_FILE], changed, stop)
    try:
        _build(load, locales, workers, state, say)
        from .checks.readability import load_languages

        load_languages(settings.select_locales(locales))  # so the first edit's build does not wait for them
        while True:
            try:
                changed.get(timeout=0.5)  # a timeout, so that Ctrl-C is seen while nothing changes
            except queue.Empty:
                continue
            while not changed.empty():
                changed.get_nowait()
            _build(load, locales, workers, state, say)
    except KeyboardInterrupt:
        say("stopped")
    finally:
        stop.set()
        server.closing = True
        server.shutdown()
        server.server_close()


def _build(load: Callable[[], Settings], locales: Sequence[str], workers: int | None, state: PreviewState,
           say: Callable[[str], None]) -> None:
    """One build of the preview: its findings shown on the pages, or its error."""
    from .build import build
    from .cache import BuildCache

    started = time.perf_counter()
    try:
        settings = load()
        result = build(settings, settings.select_locales(locales), workers=workers, cache=BuildCache(settings.root))
    except PipelineError as exc:
        state.publish(None, str(exc))
        say(f"error: {exc}")
        return
    findings = result.report.findings
    state.publish(findings_by_page(findings, settings.dist_dir), None)
    count = len(findings)
    say(f"built in {time.perf_counter() - started:.1f} s: {count} finding{'s' if count != 1 else ''}")
