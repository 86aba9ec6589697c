"""Where things live: the per-user data folder and the shipped resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_HOME = "LAMPANG_PLANNER_HOME"
DB_FILENAME = "lampang_planner.sqlite3"
BACKUP_DIRNAME = "backups"


def resources_dir() -> Path:
    """The `resources/` folder: beside the frozen executable, or at the top of the source checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def translations_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "translations"
    return Path(__file__).resolve().parents[3] / "translations"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("lampang-planner", "LampangPAO"))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then `LAMPANG_PLANNER_HOME`, then the per-user folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()
