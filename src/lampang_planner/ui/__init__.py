"""The window (PySide6 only). The core below it never imports Qt.

Layout: ``app.py`` starts everything; ``main_window.py`` holds the navigation; ``views/`` one module per page
(registered in ``views.PAGES``); ``models/`` table models over light rows; ``dialogs/`` add/edit forms; ``widgets/``
small shared widgets; ``i18n.py``, ``settings.py``, ``tasks.py`` the shared services; ``selftest.py`` the install check.
"""

from lampang_planner.ui.pyside_guard import pin_singletons

pin_singletons()  # PySide6 6.12.0 on CPython 3.11 drops references to None and True (see pyside_guard)
