"""The Exchange page as the exchange tests open it."""

from __future__ import annotations


def exchange_page(qtbot, ctx):
    """The Exchange page, shown and activated, once the duplicate search it starts has ended."""
    from lampang_planner.ui.views.exchange import ExchangePage

    p = ExchangePage(ctx)
    qtbot.addWidget(p)
    p.show()
    p.activate()
    qtbot.waitUntil(lambda: not p.duplicates.searching(), timeout=10_000)
    return p
