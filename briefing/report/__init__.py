"""``briefing report TRANSCRIPT --out DIR``: a report of any briefing, as one self-contained HTML page.

The report is one parameterised notebook shipped in the package (``briefing/templates/report.ipynb``). Its
``parameters`` cell (papermill's convention: the cell tagged ``parameters``) sets ``transcript = None``, the
bundled briefing; :func:`build` injects the transcript's path in a cell tagged ``injected-parameters`` right
after it (as papermill does, so ``papermill report.ipynb out.ipynb -p transcript PATH`` runs it too),
executes it in a fresh kernel of this Python environment and renders it to HTML with nbconvert and the
template in ``briefing/templates/report/``: code hidden, the charts inline as PNG with their alt text, the
house CSS inlined, a content security policy that allows nothing from elsewhere (no scripts, no fonts, no
network). ``DIR`` then holds ``report.html`` and ``report.ipynb`` (the executed notebook), written as a whole
(:func:`briefing.files.write_folder`); other files in ``DIR`` are kept.

Each section of the notebook is one call, ``r.show(title, section)``: the section function returns HTML
(and charts), and an exception inside it becomes a short message in that section (what failed and where),
never a traceback, while the other sections go on. A cell that raises for any other reason is caught a
second time at execution: its error output is replaced by the same kind of message.

Nothing here is specific to one briefing: any number of officials, any exchanges, any sectors (a sector the
vocabularies do not know is labelled from its name and drawn in the palette's neutral grey). Transcript text
is HTML-escaped wherever it goes into the page.

The package's modules: ``markup`` (the HTML the sections share), ``sections`` (one function per section,
:data:`SECTIONS`), ``run`` (:class:`Report`, the notebook, its execution and HTML, the command). Every
name is importable from ``briefing.report``.
"""

from .markup import Part, sector_colour, sector_label  # noqa: F401
from .run import (  # noqa: F401
    CELL_TIMEOUT,
    HTML_TEMPLATE,
    REPORT_FILES,
    TEMPLATE,
    TEMPLATES,
    Report,
    add_command,
    build,
    contain_errors,
    error_message,
    execute,
    html_page,
    notebook,
    skip_iri_grammar,
    to_html,
)
from .sections import SECTIONS, checks, closing, event, exchanges, figures, speakers, unread  # noqa: F401

__all__ = [
    "REPORT_FILES",
    "SECTIONS",
    "TEMPLATE",
    "Report",
    "add_command",
    "build",
    "checks",
    "closing",
    "contain_errors",
    "error_message",
    "execute",
    "sector_colour",
    "sector_label",
    "to_html",
    "event",
    "exchanges",
    "figures",
    "html_page",
    "notebook",
    "speakers",
    "unread",
]
