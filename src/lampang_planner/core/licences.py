"""What the program is built from, and under which licences: read from the installed packages' metadata at run time
(``importlib.metadata``), so the About box always lists what is really there, in the source checkout and in the frozen
program alike (the PyInstaller spec copies the metadata of every distribution :func:`runtime_distributions` names).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata

from lampang_planner.core.paths import resources_dir

ROOT_DISTRIBUTION = "lampang-planner"
"""Our own distribution; its ``Requires-Dist`` (without extras) is where the walk starts."""
OPTIONAL_DISTRIBUTIONS = ("pyside6-addons",)
"""Extras listed when installed (the camera extra), though no required package asks for them."""

_CLASSIFIER_PREFIXES = ("License :: OSI Approved :: ", "License :: ")
_SHORT = 48


@dataclass(frozen=True, slots=True)
class Component:
    name: str  # the distribution's own spelling, e.g. "SQLAlchemy"
    version: str
    licence: str  # an SPDX expression or the short name the package gives; "" when it names none


def normalise(name: str) -> str:
    """PEP 503 form of a distribution name: "typing_extensions" → "typing-extensions", "SQLAlchemy" → "sqlalchemy"."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(spec: str) -> tuple[str, bool]:
    """("name", needed) for one Requires-Dist line: needed is False when it only applies to an extra or to another
    platform/Python than this one."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    if name is None:
        return "", False
    marker = spec.split(";", 1)[1] if ";" in spec else ""
    if "extra" in marker:
        return name.group(1), False
    return name.group(1), marker_holds(marker)


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", text))


def marker_holds(marker: str) -> bool:
    """Whether a PEP 508 environment marker holds here: ``or`` of ``and`` of ``name op "value"`` clauses, which is
    what runtime dependencies use. A clause it cannot read counts as true (the package is then listed, not hidden).
    Plain code rather than the ``packaging`` library, so the frozen program and the source checkout agree."""
    env = {
        "sys_platform": sys.platform,
        "platform_system": {"win32": "Windows", "darwin": "Darwin"}.get(sys.platform, "Linux"),
        "os_name": "nt" if sys.platform == "win32" else "posix",
        "python_version": f"{sys.version_info[0]}.{sys.version_info[1]}",
        "python_full_version": sys.version.split()[0],
        "implementation_name": sys.implementation.name,
        "platform_python_implementation": {"cpython": "CPython", "pypy": "PyPy"}.get(
            sys.implementation.name, sys.implementation.name
        ),
    }
    marker = marker.strip().replace("(", " ").replace(")", " ")
    if not marker:
        return True
    for alternative in re.split(r"\s+or\s+", marker):
        if all(_clause_holds(c, env) for c in re.split(r"\s+and\s+", alternative)):
            return True
    return False


def _clause_holds(clause: str, env: dict[str, str]) -> bool:
    m = re.fullmatch(r"\s*(\w+)\s*(===|==|!=|<=|>=|<|>|~=)\s*[\"']([^\"']*)[\"']\s*", clause)
    if not m or m.group(1) not in env:
        return True
    key, op, want = m.groups()
    have = env[key]
    if key.startswith("python"):
        a, b = _version_tuple(have), _version_tuple(want)
        return {"==": a[: len(b)] == b, "===": a == b, "!=": a[: len(b)] != b, "<": a < b, ">": a > b,
                "<=": a <= b, ">=": a >= b, "~=": a >= b}[op]
    if op in ("==", "==="):
        return have == want
    if op == "!=":
        return have != want
    return True


def runtime_distributions(root: str = ROOT_DISTRIBUTION) -> list[str]:
    """Normalised names of ``root`` and every distribution it needs at run time (extras left out), plus the
    installed optional ones; in walk order, ``root`` first. Names whose metadata is missing are still listed."""
    order: list[str] = []
    todo = [root, *(d for d in OPTIONAL_DISTRIBUTIONS if _installed(d))]
    while todo:
        name = normalise(todo.pop(0))
        if name in order:
            continue
        order.append(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for spec in requires:
            dep, needed = _requirement_name(spec)
            if needed and normalise(dep) not in order:
                todo.append(dep)
    return order


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def licence_of(meta: metadata.PackageMetadata) -> str:
    """A short licence name: the SPDX ``License-Expression``, else a short ``License`` field, else the trove
    classifiers, else the first line of a long ``License`` field; "" when the package names none."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field.upper() == "UNKNOWN":
        field = ""
    if field and "\n" not in field and len(field) <= _SHORT:
        return field
    classifiers = [c for c in (meta.get_all("Classifier") or []) if c.startswith("License ::")]
    names = []
    for c in classifiers:
        for prefix in _CLASSIFIER_PREFIXES:
            if c.startswith(prefix):
                c = c[len(prefix):]
                break
        if c not in names:
            names.append(c)
    if names:
        return " / ".join(names)
    if field:
        first = field.splitlines()[0].strip()
        return first if len(first) <= _SHORT else first[: _SHORT - 1].rstrip(" ,;") + "…"
    return ""


def components(root: str = ROOT_DISTRIBUTION) -> list[Component]:
    """Every runtime distribution with its version and licence, ``root`` first, then by name. One whose metadata
    is missing is listed with version and licence empty (the About box says so rather than hiding it)."""
    out = []
    for name in runtime_distributions(root):
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            out.append(Component(name, "", ""))
            continue
        meta = dist.metadata
        out.append(Component(meta.get("Name") or name, dist.version, licence_of(meta)))
    first, rest = out[:1], sorted(out[1:], key=lambda c: normalise(c.name))
    return first + rest


def python_component() -> Component:
    """The Python interpreter itself (it is inside the frozen program too)."""
    return Component("Python", sys.version.split()[0], "PSF-2.0")


def font_licence_text() -> str:
    """The SIL Open Font License of the bundled Sarabun font (``resources/fonts/OFL.txt``), as shipped."""
    return (resources_dir() / "fonts" / "OFL.txt").read_text(encoding="utf-8")
