"""The import graph of the package ``briefing/``, read from the source with ``ast`` (nothing is imported).

Prints one line per module, each after every module it imports at import time (so the list reads from
the foundations up to the command line), with its line count and its imports inside the package:

- ``imports``: at module level, run when the module is imported;
- ``lazy``: inside a function, run when the function is first called (to keep start-up light or to reach
  a module that is higher in the graph);
- ``types``: under ``if TYPE_CHECKING:``, for annotations only.

A module is named by its path under ``briefing/`` (``checks.repeats``); a package by its folder
(``checks``, its ``__init__.py``). Then it flags any cycle of import-time imports (an error: the list
above could not be ordered), any cycle that needs a lazy import (allowed, but listed), and every module
over the size limit. Exit status 1 when there is a cycle of import-time imports.

Run: python benchmarks/module_graph.py [--limit 600] [--write docs/architecture.md]

``--write`` puts the output into that file, between the lines ``<!-- module-graph -->`` and
``<!-- /module-graph -->``, as a text block; ``tests/test_architecture.py`` checks that the graph written
there is the package's (modules and imports; the line counts are as of the last ``--write``).
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"
#: Lines a module may have (the rooms of issue 12 aim at about 500).
LIMIT = 600


@dataclass
class Module:
    name: str
    path: Path
    lines: int
    imports: set[str] = field(default_factory=set)  # at import time
    lazy: set[str] = field(default_factory=set)  # inside a function
    types: set[str] = field(default_factory=set)  # under TYPE_CHECKING


def _name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts) or "briefing"


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(node: ast.Import | ast.ImportFrom, here: str, is_package: bool, names: set[str]) -> set[str]:
    """The package's modules an import statement in module ``here`` reaches."""
    out: set[str] = set()
    if isinstance(node, ast.Import):
        for a in node.names:
            if a.name == "briefing" or a.name.startswith("briefing."):
                mod = a.name.removeprefix("briefing").lstrip(".") or "briefing"
                out.add(mod if mod in names else "briefing")
        return out
    if node.level == 0:
        if node.module is None or not (node.module == "briefing" or node.module.startswith("briefing.")):
            return out
        base = node.module.removeprefix("briefing").lstrip(".")
    else:
        pkg = here.split(".") if is_package and here != "briefing" else here.split(".")[:-1]
        if here == "briefing":
            pkg = []
        pkg = pkg[: len(pkg) - (node.level - 1)] if node.level > 1 else pkg
        base = ".".join([*pkg, *([node.module] if node.module else [])])
    for a in node.names:
        sub = f"{base}.{a.name}" if base else a.name
        if sub in names:  # "from . import plots": the module plots
            out.add(sub)
        else:  # "from .layout import Line": the module (or package) layout
            out.add(base or "briefing")
    out.discard(here)
    return out


def read_graph(root: Path = PACKAGE) -> dict[str, Module]:
    """Every module of the package with its line count and its imports of other modules of the package."""
    paths = sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
    mods = {}
    for p in paths:
        text = p.read_text(encoding="utf-8")
        mods[_name(p, root)] = Module(_name(p, root), p, text.count("\n"))
    names = set(mods)
    for m in mods.values():
        tree = ast.parse(m.path.read_text(encoding="utf-8"), filename=str(m.path))
        is_package = m.path.name == "__init__.py"

        def walk(node: ast.AST, kind: str, m: Module = m, is_package: bool = is_package) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    getattr(m, kind).update(_targets(child, m.name, is_package, names))
                elif isinstance(child, ast.If) and _is_type_checking(child.test):
                    for c in child.body:
                        walk(ast.Module(body=[c], type_ignores=[]), "types")
                    for c in child.orelse:
                        walk(ast.Module(body=[c], type_ignores=[]), kind)
                elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                    walk(child, "lazy" if kind == "imports" else kind)
                else:
                    walk(child, kind)

        walk(tree, "imports")
        m.lazy -= m.imports
        m.types -= m.imports | m.lazy
    return mods


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected sets of more than one module (Tarjan), each sorted, in name order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(max(1000, 10 * len(edges)))
    for v in sorted(edges):
        if v not in index:
            strong(v)
    return sorted(out)


def cycles(mods: dict[str, Module], lazy: bool = False) -> list[list[str]]:
    """Cycles of import-time imports (``lazy=True``: counting the imports inside functions too)."""
    return _cycles({k: m.imports | (m.lazy if lazy else set()) for k, m in mods.items()})


def order(mods: dict[str, Module]) -> list[str]:
    """The modules, each after the modules it imports at import time (ties by name); modules in a cycle
    last, by name."""
    left = {k: set(m.imports) for k, m in mods.items()}
    out: list[str] = []
    while left:
        ready = sorted(k for k, deps in left.items() if not deps)
        if not ready:
            out += sorted(left)
            break
        for k in ready:
            out.append(k)
            del left[k]
        for deps in left.values():
            deps.difference_update(ready)
    return out


def render(mods: dict[str, Module], limit: int = LIMIT) -> str:
    """The graph as text: one line per module in :func:`order`, then the cycles and the modules over
    ``limit`` lines."""
    names = order(mods)
    width = max(len(n) for n in names)
    lines = [f"{'module':<{width}}  lines  imports (lazy: inside a function; types: annotations only)"]
    for n in names:
        m = mods[n]
        deps = ", ".join(sorted(m.imports))
        if m.lazy:
            deps += ("; " if deps else "") + "lazy: " + ", ".join(sorted(m.lazy))
        if m.types:
            deps += ("; " if deps else "") + "types: " + ", ".join(sorted(m.types))
        flag = "*" if m.lines > limit else " "
        lines.append(f"{n:<{width}} {m.lines:>6}{flag} {deps}".rstrip())
    hard = cycles(mods)
    soft = [c for c in cycles(mods, lazy=True) if c not in hard]
    lines.append("")
    lines.append(f"{len(mods)} modules, {sum(m.lines for m in mods.values()):,} lines")
    lines.append("cycles of import-time imports: " + ("; ".join(" <-> ".join(c) for c in hard) or "none"))
    lines.append("cycles through a lazy import: " + ("; ".join(" <-> ".join(c) for c in soft) or "none"))
    big = [f"{n} ({mods[n].lines})" for n in names if mods[n].lines > limit]
    lines.append(f"modules over {limit} lines (*): " + (", ".join(big) or "none"))
    return "\n".join(lines)


BEGIN, END = "<!-- module-graph -->", "<!-- /module-graph -->"


def parse(rendered: str) -> dict[str, Module]:
    """The modules and imports of a graph as :func:`render` wrote it (for the copy in the docs)."""
    mods: dict[str, Module] = {}
    for line in rendered.splitlines()[1:]:
        if not line.strip():
            break
        name, lines, *rest = line.split(None, 2)
        m = Module(name, Path(), int(lines.rstrip("*")))
        for part in rest[0].split("; ") if rest else []:
            kind, sep, deps = part.partition(": ")
            if not sep:
                kind, deps = "imports", part
            getattr(m, kind).update(d.strip() for d in deps.split(","))
        mods[name] = m
    return mods


def documented(path: Path) -> str:
    """The graph written in ``path`` between :data:`BEGIN` and :data:`END` (without the fences)."""
    text = path.read_text(encoding="utf-8")
    block = text[text.index(BEGIN) + len(BEGIN) : text.index(END)].strip()
    return block.removeprefix("```text").removesuffix("```").strip("\n")


def write(path: Path, rendered: str) -> None:
    text = path.read_text(encoding="utf-8")
    a, b = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(text[:a] + "\n```text\n" + rendered + "\n```\n" + text[b:], encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=LIMIT, help=f"lines a module may have (default {LIMIT})")
    ap.add_argument("--write", type=Path, help="put the graph into this file, between the markers")
    args = ap.parse_args()
    mods = read_graph()
    out = render(mods, args.limit)
    print(out)
    if args.write:
        write(args.write, out)
    return 1 if cycles(mods) else 0


if __name__ == "__main__":
    raise SystemExit(main())
