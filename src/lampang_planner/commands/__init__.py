"""Command-line subcommands, one module per area. Each module has ``register(subparsers, common)`` and sets
``func`` on its parsers. Qt-free: they call the core, as the window does."""

from lampang_planner.commands import attendance, bundles, data, needs, plan, privacy, reports, sessions, venue

# Areas in the order `lampang-planner --help` lists them. Add a module here to add its commands.
AREAS = [data, attendance, sessions, bundles, needs, plan, privacy, reports, venue]
