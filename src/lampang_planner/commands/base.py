"""What every command shares: opening the data folder named by --data-dir or LAMPANG_PLANNER_HOME."""

from __future__ import annotations

import argparse

from lampang_planner.core.db import Store
from lampang_planner.core.paths import resolve_data_dir


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    """Open the data folder; commands other than ``demo`` refuse a folder that holds no data yet."""
    return Store.open(resolve_data_dir(getattr(args, "data_dir", None)), create=create)
