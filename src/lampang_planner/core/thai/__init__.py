"""Thai language helpers: Buddhist-era dates, digits, collation, word segmentation, IDs, names, keyboard layout."""
