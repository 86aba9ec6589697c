"""Roster import from the office's Excel workbooks: workbook (safe opening), headers (finding and mapping the header
row), values (cleaning cells), importer (plan = preview, then apply in one transaction)."""
