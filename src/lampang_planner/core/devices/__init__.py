"""Devices at the desk that are not keyboards: the Thai national ID card and its PC/SC readers (Qt-free)."""
