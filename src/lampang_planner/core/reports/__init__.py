"""PDF and document outputs (Qt-free)."""
