"""Sync: hybrid logical clock, the one write path (apply), digests, bundles and merge."""
