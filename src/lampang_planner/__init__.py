"""Lampang Planner: offline-first development-planning workshops for the Lampang PAO."""

__version__ = "0.1.0"
APP_NAME = "lampang-planner"
