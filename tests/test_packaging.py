"""Packaging, checked without building: the PyInstaller spec (run with stand-ins for PyInstaller's classes) carries
the resources, the built translations, the Alembic scripts and the dependencies' metadata, and leaves out the Qt
plugins the app does not use; the version lives in one place; the installer, desktop file and CI scripts refer to
things that exist. The real build runs in CI (packaging/ci-build.sh), not here."""

from __future__ import annotations

import email.message
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "lampang-planner.spec"


class _Recorder:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        # the TOC PyInstaller's Analysis would give: (destination, source, type) rows
        self.binaries = []
        self.datas = [(f"{dest}/{Path(src).name}", src, "DATA") for src, dest in kwargs.get("datas", [])]
        self.pure, self.scripts = [], []


def _run_spec(platform: str = "linux", workpath: Path | None = None) -> dict:
    """Execute the spec with PyInstaller's build classes and hook helpers replaced by recorders."""
    from lampang_planner.ui import i18n_build

    for lang in i18n_build.LANGS:  # the spec needs the built catalogues, as the build script makes them
        if not i18n_build.qm_path(lang).is_file():
            i18n_build.compile_ts(lang)
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda pkg: [(f"/site/{pkg}/words_th.txt", pkg)]
    hooks.collect_submodules = lambda pkg, filter=None: [m for m in (f"{pkg}.a", f"{pkg}.testing.x") if not filter
                                                         or filter(m)]
    hooks.copy_metadata = lambda dist: [(f"/site/{dist}.dist-info", f"{dist}.dist-info")]
    made: dict = {}

    def recorder(kind):
        def make(*args, **kwargs):
            obj = _Recorder(*args, **kwargs)
            made[kind] = obj
            return obj

        return make

    namespace = {
        "SPECPATH": str(SPEC.parent),
        "Analysis": recorder("Analysis"),
        "PYZ": recorder("PYZ"),
        "EXE": recorder("EXE"),
        "COLLECT": recorder("COLLECT"),
        "__file__": str(SPEC),
        "workpath": str(workpath or ROOT / "build" / "pyinstaller"),
    }
    saved = {k: sys.modules.get(k) for k in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.hooks")}
    saved_path, saved_platform = list(sys.path), sys.platform
    sys.modules["PyInstaller"] = types.ModuleType("PyInstaller")
    sys.modules["PyInstaller.utils"] = types.ModuleType("PyInstaller.utils")
    sys.modules["PyInstaller.utils.hooks"] = hooks
    try:
        if platform != "linux":
            sys.platform = platform
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        sys.platform = saved_platform
        sys.path[:] = saved_path
        for k, v in saved.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v
    namespace["_made"] = made
    return namespace


@pytest.fixture(scope="module")
def spec() -> dict:
    return _run_spec()


def _dests(spec: dict) -> dict[str, str]:
    return {Path(src).as_posix(): dest for src, dest in spec["_made"]["Analysis"].kwargs["datas"]}


def test_spec_carries_resources_translations_and_migrations(spec):
    datas = _dests(spec)
    for folder in ("fonts", "icons", "data"):
        src = (ROOT / "resources" / folder).as_posix()
        assert datas[src] == f"resources/{folder}"
        assert Path(src).is_dir()
    assert (ROOT / "resources" / "fonts" / "OFL.txt").is_file()
    for lang in ("th", "en"):
        assert datas[(ROOT / "translations" / f"lampang_planner_{lang}.qm").as_posix()] == "translations"
    migrations = ROOT / "src" / "lampang_planner" / "core" / "migrations"
    assert datas[(migrations / "env.py").as_posix()] == "lampang_planner/core/migrations"
    versions = sorted(migrations.glob("versions/*.py"))
    assert versions and all(datas[v.as_posix()] == "lampang_planner/core/migrations/versions" for v in versions)
    assert datas["/site/newmm_tokenizer/words_th.txt"] == "newmm_tokenizer"  # the word-segmentation dictionary
    # the About box reads licences from metadata: every runtime dependency's is copied
    for dist in ("pyside6-essentials", "sqlalchemy", "cryptography", "zxing-cpp", "uharfbuzz", "lampang-planner"):
        assert f"/site/{dist}.dist-info" in datas


def test_spec_imports_what_alembic_scripts_and_optional_screens_need(spec):
    analysis = spec["_made"]["Analysis"]
    hidden = set(analysis.kwargs["hiddenimports"])
    assert {"alembic.op", "sqlalchemy", "sqlmodel", "lampang_planner.core.model"} <= hidden  # from the scripts
    assert "alembic.a" in hidden and "alembic.testing.x" not in hidden
    assert "lampang_planner.ui.views.a" in hidden  # the pages, imported by name when first shown
    assert {"cryptography.hazmat.primitives.asymmetric.ed25519", "zxingcpp", "uharfbuzz"} <= hidden
    assert Path(analysis.args[0][0]) == ROOT / "packaging" / "launcher.py"
    excludes = set(analysis.kwargs["excludes"])
    assert {"tkinter", "PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtVirtualKeyboard",
            "PySide6.Qt3DCore"} <= excludes
    assert not excludes & {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "sqlite3", "zxingcpp",
                           "cryptography", "uharfbuzz"}
    assert spec["_made"]["COLLECT"].kwargs["name"] == "lampang-planner"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtdeclarative_de.qm", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("sqlalchemy/cyextension/collections.so", True),
    ],
)
def test_spec_keeps_only_the_qt_plugins_the_app_uses(spec, dest, kept):
    assert spec["_plugin_kept"](dest) is kept


def test_spec_names_the_windows_icon_and_version_file_on_windows(tmp_path):
    spec = _run_spec("win32", tmp_path)
    exe = spec["_made"]["EXE"].kwargs
    assert Path(exe["icon"]) == ROOT / "resources" / "icons" / "lampang-planner.ico" and Path(exe["icon"]).is_file()
    info = Path(exe["version"]).read_text(encoding="utf-8")
    from lampang_planner import __version__

    assert f"StringStruct('ProductVersion', '{__version__}')" in info
    assert exe["console"] is True and exe["hide_console"] == "hide-early"


def test_version_lives_in_one_place():
    from importlib.metadata import version

    import lampang_planner

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "lampang_planner.__version__" }' in pyproject
    assert version("lampang-planner") == lampang_planner.__version__
    iss = (ROOT / "packaging" / "windows" / "lampang-planner.iss").read_text(encoding="utf-8")
    assert "AppVersion={#AppVersion}" in iss and not re.search(r"AppVersion=\d", iss)
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "lampang_planner.__version__" in workflow and "/DAppVersion=" in workflow


def test_windows_installer_and_workflow_refer_to_real_files():
    iss = (ROOT / "packaging" / "windows" / "lampang-planner.iss").read_text(encoding="utf-8")
    for rel in re.findall(r'#define (?:IconFile|LicenceFile)\s+"([^"]+)"', iss):
        assert (ROOT / "packaging" / "windows" / rel.replace("\\", "/")).resolve().is_file(), rel
    assert "[Icons]" in iss and "{group}" in iss and "[UninstallDelete]" in iss
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    for needed in ("windows-latest", "python-version: \"3.11\"", "packaging/lampang-planner.spec", "--selftest",
                   "iscc", "upload-artifact", "lampang_planner.ui.i18n_build", "packaging/requirements-build.txt"):
        assert needed in workflow, needed


def test_desktop_file_names_the_program_and_icon():
    text = (ROOT / "packaging" / "lampang-planner.desktop").read_text(encoding="utf-8")
    entries = dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith("#"))
    assert text.startswith("[Desktop Entry]")
    assert entries["Type"] == "Application" and entries["Exec"].split()[0] == "lampang-planner"
    assert entries["Icon"] == "lampang-planner" and (ROOT / "resources" / "icons" / "lampang-planner.svg").is_file()
    assert entries["Name[th]"] and entries["Categories"].endswith(";")


@pytest.mark.parametrize("script", ["packaging/build-linux.sh", "packaging/ci-build.sh", ".ci/run"])
def test_build_scripts_are_valid_bash(script):
    proc = subprocess.run(["bash", "-n", str(ROOT / script)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_ci_runs_the_tests_then_the_build():
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in text
    assert text.index("scripts/test.sh") < text.index("packaging/ci-build.sh")


# --- licences (core.licences, what the About box lists) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("marker", "holds"),
    [
        ('python_version < "3.11"', sys.version_info < (3, 11)),
        ("python_full_version >= '3.9'", True),
        ('sys_platform == "win32"', sys.platform == "win32"),
        ("platform_python_implementation != 'PyPy'", True),
        ('implementation_name == "pypy" or python_version >= "3"', True),
        ('os_name == "nt" and python_version >= "3"', sys.platform == "win32"),
        ('platform_machine == "weird"', True),  # unreadable here: listed rather than hidden
    ],
)
def test_markers(marker, holds):
    from lampang_planner.core.licences import marker_holds

    assert marker_holds(marker) is holds


def _meta(**fields) -> email.message.Message:
    m = email.message.Message()
    for key, value in fields.items():
        for v in value if isinstance(value, list) else [value]:
            m[key.replace("_", "-")] = v
    return m


def test_licence_names_prefer_spdx_then_short_field_then_classifiers():
    from lampang_planner.core.licences import licence_of

    assert licence_of(_meta(License_Expression="Apache-2.0 OR BSD-3-Clause", License="x")) == "Apache-2.0 OR BSD-3-Clause"
    assert licence_of(_meta(License="MIT")) == "MIT"
    long_text = "BSD license (see license.txt for details), Copyright (c) 2000-2024, ReportLab Inc."
    assert licence_of(_meta(License=long_text, Classifier="License :: OSI Approved :: BSD License")) == "BSD License"
    assert licence_of(_meta(License="UNKNOWN", Classifier=["License :: OSI Approved :: Apache Software License"])) \
        == "Apache Software License"
    assert licence_of(_meta(License=long_text)).endswith("…")
    assert licence_of(_meta()) == ""


def test_runtime_distributions_follow_requirements_without_extras():
    from lampang_planner.core.licences import runtime_distributions

    names = runtime_distributions()
    assert names[0] == "lampang-planner"
    assert {"pyside6-essentials", "shiboken6", "sqlmodel", "sqlalchemy", "pydantic", "alembic", "mako", "reportlab",
            "openpyxl", "cryptography", "zxing-cpp", "uharfbuzz", "newmm-tokenizer", "platformdirs"} <= set(names)
    assert not {"pytest", "ruff", "hypothesis", "pytest-qt", "pypdf", "tomli"} & set(names)


def test_identity_fill_of_the_english_catalogue_leaves_finished_messages_alone(tmp_path):
    """Regression: a lazy pattern once ran from a finished message to the next unfinished one, copying the XML in
    between into a translation (the .ts then failed to parse and every later build of the catalogues stopped)."""
    from lampang_planner.ui.i18n_build import fill_identity

    ts = tmp_path / "en.ts"
    ts.write_text(
        "<TS><context><name>A</name>"
        "<message><source>Done</source><translation>Done</translation></message>"
        "<message><source>New &amp; shiny</source><translation type=\"unfinished\"></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert fill_identity(ts) == 1
    import xml.etree.ElementTree as ET

    pairs = [(m.findtext("source"), m.findtext("translation")) for m in ET.parse(ts).iter("message")]
    assert pairs == [("Done", "Done"), ("New & shiny", "New & shiny")]
