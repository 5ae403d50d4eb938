"""The layers of ``analysis``: no import cycle, and every import goes down or sideways.

Every module of ``analysis/`` is read with :mod:`ast`; its imports, at module
level and inside functions, relative and absolute, make the import graph
(imports under ``if TYPE_CHECKING:`` are left out: they never run). A module
of a subpackage (``analysis.read.*``, ``analysis.scoring.*``, ``analysis.stance.*``,
``analysis.compare.*``, ``analysis.figures.*``) belongs to its subpackage's layer.

:data:`LAYERS`, bottom to top, is what the code really does:

1. ``paths``, ``types``, ``stats``, ``language``, ``collector``, ``workers``, ``ngrams``:
   import nothing from ``analysis`` but each other (folders; the ``Mode`` type; the one
   bootstrap and agreement module; the language data: word lists, categories, actor
   roles, irregular verbs; the garbage-collector settings of a run; worker processes
   that die with their parent; the text n-gram features of a trained model).
2. ``lexicon``, ``corpora``: data files (lexicons, actor dictionary; UD text).
3. ``read``: the reader subpackage (it looks names up in the actor dictionary).
4. ``tables``: the scored tables (their ``articles`` columns start with the
   reader's), so whatever takes scored tables need not import the scorer; then
   ``outputs``: input listing, unique ids, output folders, manifests and checkpoints.
5. ``nlp``: the spaCy pipelines. 6. ``tone``: general-purpose tone tools.
7. ``scoring``: the frame scorer subpackage, its lexical mode included; then
   ``config``: the scorer's configuration (mode and tables) carried to every engine;
   ``model``: a trained model's features, file and labelling of sentence rows
   (``--model``), which the pipeline and every engine's workers apply.
8. ``stance``: the portrayal and stance subpackage, from scored tables and their parse
   (it reuses the scorer's actor index, tokens and proper-name test).
9. ``pipeline``: read → parse → score (→ stance) into tables.
10. ``run``: the streaming and parallel job over the pipeline.
11. ``compare``: the outlet comparison subpackage, from scored tables (above ``run``
    so that no scoring code depends on it).
12. ``evaluate``, ``reliability``, ``checklist``, ``newsvalidation``, ``probes``:
    validation, which scores the seeds, held-out sentences, the behavioural test suite, the
    news set and the written probes;
    ``adapt`` (training a model on annotations, the uncertainty sample) and ``learning``
    (grouped cross-validation and the learning curve).
13. ``figures`` (the figure subpackage), ``report``: draw what the layers below compute.
14. ``cli``, ``spacy_component`` and the package's ``__init__`` (a lazy facade
    over the pipeline and the reader): the entry points.

A module may import from its own layer or a lower one; a new module must be
given a layer here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "analysis"
PACKAGE = "analysis"

LAYERS: list[tuple[str, ...]] = [
    ("analysis.paths", "analysis.types", "analysis.stats", "analysis.language",
     "analysis.collector", "analysis.workers", "analysis.ngrams"),
    ("analysis.lexicon", "analysis.corpora", "analysis.newsset"),
    ("analysis.read",),
    ("analysis.tables",),
    ("analysis.outputs",),
    ("analysis.nlp",),
    ("analysis.tone",),
    ("analysis.scoring",),
    ("analysis.config", "analysis.model"),
    ("analysis.stance",),
    ("analysis.pipeline",),
    ("analysis.run",),
    ("analysis.compare",),
    ("analysis.evaluate", "analysis.reliability", "analysis.checklist",
     "analysis.newsvalidation", "analysis.probes", "analysis.adapt", "analysis.learning"),
    ("analysis.figures", "analysis.report"),
    ("analysis.cli", "analysis.spacy_component", "analysis"),
]
#: Subpackages whose modules all belong to the subpackage's layer.
SUBPACKAGES: tuple[str, ...] = ("analysis.read", "analysis.scoring", "analysis.stance",
                                 "analysis.compare", "analysis.figures")
#: Modules that belong to another module's layer (none today; the mechanism is tested).
SAME_LAYER_AS: dict[str, str] = {}


@dataclass(frozen=True)
class Import:
    """One import statement of a module, resolved to a module of the package."""

    source: str
    target: str
    path: str
    line: int
    text: str


# ---------------------------------------------------------------- reading the package

def module_names(package_dir: Path, package: str = PACKAGE) -> dict[str, Path]:
    """Dotted name of every module of the package (a package's ``__init__`` is the package)."""
    out = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = [package, *path.relative_to(package_dir).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST) -> Iterable[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth, except in the body of ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
        else:
            stack.extend(ast.iter_child_nodes(node))


def _known(name: str, modules: Iterable[str]) -> str | None:
    """The longest prefix of ``name`` that is a module of the package."""
    parts = name.split(".")
    for k in range(len(parts), 0, -1):
        if ".".join(parts[:k]) in modules:
            return ".".join(parts[:k])
    return None


def module_imports(name: str, path: Path, modules: Mapping[str, Path],
                   shown: str | None = None) -> list[Import]:
    """The imports of one module that reach a module of the package, in line order.

    ``shown`` is the path the messages give (default: ``path``).
    """
    src = path.read_text(encoding="utf-8")
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in _import_nodes(ast.parse(src, filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [_known(a.name, modules) for a in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else _known(base, modules)
                       for a in node.names]
        text = ast.unparse(node)
        for target in dict.fromkeys(t for t in targets if t and t != name):
            out.append(Import(name, target, shown or str(path), node.lineno, text))
    return sorted(out, key=lambda imp: (imp.line, imp.target))


def package_imports(package_dir: Path = PACKAGE_DIR, package: str = PACKAGE) -> list[Import]:
    """Every import between modules of the package."""
    modules = module_names(package_dir, package)
    return [imp for name, path in modules.items()
            for imp in module_imports(name, path, modules, str(path.relative_to(package_dir.parent)))]


# ---------------------------------------------------------------- the checks

@dataclass(frozen=True, order=True)
class Cycle:
    """A group of modules that import each other, directly or not (a strongly connected component).

    ``path`` is a shortest cycle from the group's first module back to it;
    ``others`` the group's modules that path does not pass through.
    """

    path: tuple[str, ...]
    others: tuple[str, ...] = ()

    @property
    def modules(self) -> frozenset[str]:
        return frozenset(self.path) | frozenset(self.others)

    def __str__(self) -> str:
        return " -> ".join(self.path) + (f" (and {', '.join(self.others)})" if self.others else "")


def cycles(imports: Iterable[Import]) -> list[Cycle]:
    """Every group of modules that import each other, as a :class:`Cycle`."""
    graph: dict[str, set[str]] = {}
    for imp in imports:
        graph.setdefault(imp.source, set()).add(imp.target)
        graph.setdefault(imp.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    out = []
    for g in groups:
        path = _cycle_through(min(g), g, graph)
        out.append(Cycle(tuple(path), tuple(sorted(g - set(path)))))
    return sorted(out)


def _cycle_through(start: str, group: set[str], graph: Mapping[str, set[str]]) -> list[str]:
    """A shortest path from ``start`` back to itself inside ``group`` (breadth first)."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & group):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    raise AssertionError(f"no cycle through {start}")  # pragma: no cover - a group always has one


def layer_of(module: str, layers: Sequence[tuple[str, ...]] = LAYERS,
             subpackages: Sequence[str] = SUBPACKAGES,
             same_layer_as: Mapping[str, str] = SAME_LAYER_AS) -> int | None:
    """Position of a module's layer in ``layers`` (0 at the bottom); None when it has none."""
    for sub in subpackages:
        if module.startswith(sub + "."):
            module = sub
    module = same_layer_as.get(module, module)
    return next((k for k, layer in enumerate(layers) if module in layer), None)


def upward_imports(imports: Iterable[Import], layers: Sequence[tuple[str, ...]] = LAYERS,
                   subpackages: Sequence[str] = SUBPACKAGES,
                   same_layer_as: Mapping[str, str] = SAME_LAYER_AS) -> list[str]:
    """One line per import of a higher layer (or of a module without a layer)."""
    out = []
    for imp in imports:
        src, dst = (layer_of(m, layers, subpackages, same_layer_as) for m in (imp.source, imp.target))
        where = f"{imp.path}:{imp.line}: {imp.source} imports {imp.target} ({imp.text})"
        if src is None or dst is None:
            missing = imp.source if src is None else imp.target
            out.append(f"{where}: {missing} is in no layer; add it to LAYERS in tests/test_layers.py")
        elif dst > src:
            out.append(f"{where}: layer {src + 1} imports layer {dst + 1}")
    return out


# ---------------------------------------------------------------- the package

def test_every_module_has_a_layer():
    placed = [m for m in module_names(PACKAGE_DIR) if layer_of(m) is None]
    assert not placed, f"modules in no layer (add them to LAYERS): {placed}"


def test_no_import_cycle():
    found = cycles(package_imports())
    assert not found, "import cycles:\n" + "\n".join(map(str, found))


def test_imports_go_down_the_layers():
    bad = upward_imports(package_imports())
    assert not bad, "imports of a higher layer:\n" + "\n".join(bad)


# ---------------------------------------------------------------- the checker itself

def _imports(edges: Sequence[tuple[str, str]]) -> list[Import]:
    return [Import(a, b, f"{a}.py", k + 1, f"import {b}") for k, (a, b) in enumerate(edges)]


def test_checker_finds_a_cycle_and_an_upward_import():
    layers = [("p.low",), ("p.mid", "p.mid2"), ("p.high",)]
    edges = _imports([("p.high", "p.mid"), ("p.mid", "p.low"), ("p.low", "p.high"),
                      ("p.mid2", "p.sub.a"), ("p.sub.a", "p.mid2")])
    assert [str(c) for c in cycles(edges)] == ["p.high -> p.mid -> p.low -> p.high",
                                               "p.mid2 -> p.sub.a -> p.mid2"]
    bad = upward_imports(edges, layers=layers, subpackages=("p.sub",), same_layer_as={})
    assert bad == [
        "p.low.py:3: p.low imports p.high (import p.high): layer 1 imports layer 3",
        *(f"{a}.py:{k}: {a} imports {b} (import {b}): p.sub.a is in no layer; "
          "add it to LAYERS in tests/test_layers.py"
          for k, a, b in ((4, "p.mid2", "p.sub.a"), (5, "p.sub.a", "p.mid2")))]
    # p.sub.* in the middle layer: the cycle inside a layer breaks no layer rule, cycles() finds it
    placed = [("p.low",), ("p.mid", "p.sub"), ("p.high",)]
    assert upward_imports(edges, layers=placed, subpackages=("p.sub",),
                          same_layer_as={"p.mid2": "p.mid"}) == [bad[0]]
    assert cycles(_imports([("p.a", "p.b"), ("p.b", "p.c")])) == []
    # a known pair inside a larger group is not the known cycle any more
    group = cycles(_imports([("p.a", "p.b"), ("p.b", "p.a"), ("p.b", "p.c"), ("p.c", "p.a")]))
    assert [str(c) for c in group] == ["p.a -> p.b -> p.a (and p.c)"]
    assert group[0].modules == {"p.a", "p.b", "p.c"}


def test_reader_sees_function_level_and_relative_imports(tmp_path: Path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from .top import run\n")
    (pkg / "base.py").write_text("import os\n")
    (pkg / "top.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import base\n"
        "if TYPE_CHECKING:\n"
        "    from .sub import inner\n"
        "else:\n"
        "    import pkg.sub\n"
        "def run():\n"
        "    from .sub.inner import thing\n"
        "    return thing\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "inner.py").write_text(
        "def thing():\n    from ..top import run\n    from pkg import base, missing\n")
    found = {(i.source, i.target, i.line) for i in package_imports(pkg, "pkg")}
    assert found == {("pkg", "pkg.top", 1), ("pkg.top", "pkg.base", 2), ("pkg.top", "pkg.sub", 6),
                     ("pkg.top", "pkg.sub.inner", 8), ("pkg.sub.inner", "pkg.top", 2),
                     ("pkg.sub.inner", "pkg.base", 3), ("pkg.sub.inner", "pkg", 3)}
    assert [str(c) for c in cycles(package_imports(pkg, "pkg"))] == [
        "pkg -> pkg.top -> pkg.sub.inner -> pkg"]
