"""Alembic migrations of the data folder's schema (batch mode, for SQLite)."""
