"""Running the report: :class:`Report` runs each section (an error stays in its section), the notebook is
executed in a fresh kernel and rendered to one HTML page (:func:`build`), and ``briefing report`` is the
command. The sections are in ``sections.py``, the HTML they share in ``markup.py``."""

from __future__ import annotations

import argparse
import os
import sys
import sysconfig
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import TranscriptError
from .markup import Part, _alt_html, _e, _figure_html
from .sections import SECTIONS, closing

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
#: The report notebook shipped in the package.
TEMPLATE = TEMPLATES / "report.ipynb"
#: nbconvert template (a folder under ``TEMPLATES``) that renders the executed notebook.
HTML_TEMPLATE = "report"
#: The files ``briefing report`` writes (and owns) in its output folder.
REPORT_FILES = frozenset({"report.html", "report.ipynb"})
#: Per-cell time limit while executing the report, in seconds.
CELL_TIMEOUT = 300


# --- running the sections -----------------------------------------------------------------------------------


def _where(exc: BaseException) -> str:
    """Where the section failed: the innermost frame outside the standard library and installed packages,
    "report.py, line 123, in figures"."""
    frames = traceback.extract_tb(exc.__traceback__)[1:]  # the first is Report.parts, which caught it
    libs = (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"], "site-packages")
    ours = [fr for fr in frames if not any(lib in fr.filename for lib in libs)] or frames
    if not ours:
        return ""
    fr = ours[-1]
    return f"{Path(fr.filename).name}, line {fr.lineno}, in {fr.name}"


def error_message(title: str | None, exc: BaseException) -> str:
    """The HTML a failed section shows instead of its content: what failed and where, not a traceback."""
    what = f"{type(exc).__name__}: {exc}".strip()
    where = _where(exc)
    name = f"“{_e(title)}”" if title else "This section"
    return (
        f'<div class="report-error" role="alert"><strong>{name} could not be made.</strong> {_e(what)}'
        + (f" <span class='where'>({_e(where)})</span>" if where else "")
        + ". The other sections are not affected.</div>"
    )


class Report:
    """One report: the briefing read from ``transcript`` (``None``: the bundled one) and its sections.

    Reading never raises: a transcript that cannot be read leaves ``b`` as ``None`` and ``error`` says why,
    and every section then shows that message. :meth:`show` displays a section in a notebook,
    :meth:`html` returns it as HTML; a section that raises shows a message (:func:`error_message`) and is
    listed in ``failed``.
    """

    def __init__(self, transcript: str | os.PathLike[str] | None = None) -> None:
        from ..model import load, read

        self.b: Any = None
        self.error = ""
        self.failed: list[str] = []
        try:
            self.b = read(transcript) if transcript else load()
        except TranscriptError as exc:
            self.error = f"{exc.where}: {exc.reason}"
        except Exception as exc:  # noqa: BLE001 - the report says why instead of stopping
            self.error = f"{transcript}: {type(exc).__name__}: {exc}"

    def parts(self, title: str | None, section: Callable[..., list[Part]]) -> list[Part]:
        """The section's heading and content, or its heading and an error message."""
        head = [f"<h2>{_e(title)}</h2>"] if title else []
        if self.b is None:
            return [*head, f'<div class="report-error" role="alert">The transcript could not be read: '
                           f"{_e(self.error)}</div>"]  # fmt: skip
        try:
            if section is closing:
                return head + list(closing(self.b, self.failed))
            return head + list(section(self.b))
        except Exception as exc:  # noqa: BLE001 - contained: the message shows in this section
            self.failed.append(title or section.__name__)
            return [*head, error_message(title, exc)]

    def html(self, title: str | None, section: Callable[..., list[Part]], charts: bool = True) -> str:
        """The section as one HTML string: charts as inline PNG, or (``charts=False``) their alt text."""
        return "\n".join(
            p if isinstance(p, str) else _figure_html(p) if charts else _alt_html(p)
            for p in self.parts(title, section)
        )

    def show(self, title: str | None, section: Callable[..., list[Part]]) -> None:
        """Display the section in the notebook: HTML, and charts as PNG with their alt text."""
        from IPython.display import HTML, display

        html_parts: list[str] = []
        for p in self.parts(title, section):
            if isinstance(p, str):
                html_parts.append(p)
                continue
            if html_parts:
                display(HTML("\n".join(html_parts)))
                html_parts = []
            display(p)
        if html_parts:
            display(HTML("\n".join(html_parts)))


def html_page(transcript: str | os.PathLike[str] | None = None, charts: bool = True) -> str:
    """Every section of the report for ``transcript`` as HTML fragments, in process (no kernel, no
    notebook): what the notebook shows, for tests and quick looks (``charts=False``: each chart's alt
    text instead of its picture). :func:`build` makes the real page."""
    r = Report(transcript)
    return "\n".join(r.html(t, s, charts) for t, s in SECTIONS)


# --- the notebook: parameters, execution, HTML --------------------------------------------------------------


def notebook(transcript: str | os.PathLike[str] | None = None, template: str | os.PathLike[str] = TEMPLATE):
    """The report notebook with ``transcript`` injected after its ``parameters`` cell (papermill's way)."""
    import nbformat
    from nbformat.v4 import new_code_cell

    nb = nbformat.read(os.fspath(template), as_version=4)
    at = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), None)
    if at is None:
        raise ValueError(f"{template}: no cell tagged 'parameters'")
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    value = None if transcript is None else str(Path(transcript).resolve())
    cell = new_code_cell(
        f"# Parameters\ntranscript = {value!r}\n", metadata={"tags": ["injected-parameters", "remove-cell"]}
    )
    nb.cells.insert(at + 1, cell)
    nb.metadata.setdefault("papermill", {})["parameters"] = {"transcript": value}
    return nb


def execute(nb: Any, timeout: int = CELL_TIMEOUT) -> list[str]:
    """Execute ``nb`` in place in a fresh kernel of this environment, in a temporary working folder.

    A cell that raises does not stop the run: its error output is replaced by a short message (the
    exception, no traceback), and the returned list names each such cell.
    """
    from nbclient import NotebookClient

    from ..notebooks import _current_env_kernel_manager

    with tempfile.TemporaryDirectory(prefix="briefing-report-") as cwd:
        client = NotebookClient(
            nb,
            timeout=timeout,
            allow_errors=True,
            record_timing=False,
            kernel_manager_class=_current_env_kernel_manager(),
            # the kernel's start-up notices (TCP on localhost) are not the user's concern; errors still show
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
            resources={"metadata": {"path": cwd}},
        )
        client.execute()
    return contain_errors(nb)


def contain_errors(nb: Any) -> list[str]:
    """Replace every error output of ``nb`` by a short message (the exception, no traceback), in place;
    return one line per cell that had one."""
    from nbformat.v4 import new_output

    problems = []
    for i, cell in enumerate(nb.cells, start=1):
        outputs = []
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                problems.append(f"cell {i}: {o.get('ename')}: {o.get('evalue')}")
                msg = (
                    f'<div class="report-error" role="alert"><strong>This part of the report could not be '
                    f"made.</strong> {_e(o.get('ename'))}: {_e(o.get('evalue'))}. The other sections are not "
                    "affected.</div>"
                )
                outputs.append(new_output("display_data", data={"text/html": msg, "text/plain": msg}))
            else:
                outputs.append(o)
        cell.outputs = outputs
    return problems


def to_html(nb: Any) -> str:
    """The executed report notebook as one self-contained HTML page (the template in ``templates/report``)."""
    import copy

    from nbconvert import HTMLExporter
    from traitlets.config import Config

    nb = copy.deepcopy(nb)
    for cell in nb.cells:  # stderr (library warnings) stays in the notebook, not on the page
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = ["remove-cell", "parameters", "injected-parameters"]
    exporter = HTMLExporter(
        config=c,
        template_name=HTML_TEMPLATE,
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": "report"}})
    return body


def build(
    transcript: str | os.PathLike[str] | None,
    out: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] = TEMPLATE,
    timeout: int = CELL_TIMEOUT,
) -> list[str]:
    """Read ``transcript`` (``None``: the bundled briefing), execute the report notebook for it and write
    ``report.html`` and ``report.ipynb`` into ``out`` as a whole. Returns the warnings: the reader's, and
    any cell that failed (shown as a message in its section).

    Raises :class:`briefing.TranscriptError` (naming the file) before anything runs when the transcript
    cannot be read; nothing is written then.
    """
    import nbformat

    from ..files import write_folder
    from ..model import load, read
    from ..notebooks import carry_alt_text

    b = read(transcript) if transcript else load()
    warnings = list(b.warnings)
    nb = notebook(transcript, template)
    warnings += [f"report: {p}" for p in execute(nb, timeout)]
    nb.metadata["title"] = b.meta.title or f"Briefing report: {Path(str(b.meta.source_file)).name}"
    carry_alt_text(nb)
    page = to_html(nb)
    text = nbformat.writes(nb) + "\n"
    files = {
        "report.html": lambda p: p.write_text(page, encoding="utf-8"),
        "report.ipynb": lambda p: p.write_text(text, encoding="utf-8"),
    }
    warnings += write_folder(out, files, owned=REPORT_FILES)
    return warnings


# --- command line -------------------------------------------------------------------------------------------


def skip_iri_grammar() -> None:
    """Keep jsonschema (imported by nbformat) from building its IRI grammar with lark when the optional
    ``rfc3987-syntax`` is installed: about 2 s of start-up, for a format check the notebook schema never
    uses (the book's configuration does the same). Only where nothing has imported jsonschema yet."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _cmd(args: argparse.Namespace) -> int:
    import importlib.util

    skip_iri_grammar()

    missing = [m for m in ("nbclient", "nbconvert", "ipykernel") if importlib.util.find_spec(m) is None]
    if missing:
        print(
            f"briefing: error: briefing report needs {', '.join(missing)}: pip install 'briefing[notebooks]'",
            file=sys.stderr,
        )
        return 2
    try:
        warnings = build(args.transcript, args.out, timeout=args.timeout)
    except (TranscriptError, OSError, KeyboardInterrupt):
        raise  # the command line's own messages (file named; folder left as it was)
    except Exception as exc:  # noqa: BLE001 - the kernel died, a timeout: one line, nothing written
        print(f"briefing: error: the report could not be made ({type(exc).__name__}: {exc}); "
              f"{args.out} was left as it was", file=sys.stderr)  # fmt: skip
        return 2
    if not args.quiet:
        for w in warnings:
            print(f"briefing: warning: {w}", file=sys.stderr)
        print(f"wrote {Path(args.out) / 'report.html'}", file=sys.stderr)
    return 0


def add_command(sub: Any) -> None:
    """Add ``briefing report`` to the command line's sub-commands."""
    r = sub.add_parser("report", help="an HTML report of one transcript: event, exchanges, figures, checks")
    r.add_argument("transcript", nargs="?", help="transcript file (default: the bundled one)")
    r.add_argument("--out", required=True, help="output directory (report.html, report.ipynb)")
    r.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="seconds per notebook cell")
    r.add_argument("-q", "--quiet", action="store_true")
    r.set_defaults(func=_cmd)
