"""Community needs: recording what groups raise at a workshop, following each need through its status, and the light
rows, summaries and look-ups the window, the command line and the Excel/PDF outputs read.

Every function that changes data is one transaction; bad input raises :class:`ValidationError` / :class:`UserError`
(Thai first, English second) before anything is written.

Status follows the network's public audit (issue 4)::

    proposed → accepted → budgeted → in_progress → done
                  │           │            └──────→ not_done
                  └───────────┴───────────────────→ not_done → accepted (re-planned in another fiscal year)
    dropped: from every status except done (and dropped itself)

Every change is one ``need_status_change`` row (date, who, note) written in the same transaction as the need's own
``status``/``status_date``; the first row (proposed) is written with the need. A mistaken change is corrected with
:func:`revert_status`, which records the step back as a new dated row, so the history never loses an entry.

Stable reading API (the window, ``need list/summary/history`` and the Excel/PDF reports use these; keep the names):

- :func:`list_needs` (filters: workshop, district, tambon, category, status) → :class:`NeedRow`, in the order
  district, workshop, rank, Thai title; :func:`get_need`; :func:`status_history` → :class:`StatusChange` oldest first;
- :func:`needs_summary` (by district / tambon / category / status, with every district's totals) →
  :class:`NeedsSummary`; :func:`similar_needs`; :func:`status_labels`, :func:`allowed_statuses`, :data:`TRANSITIONS`;
- categories: ``core.ops.categories.list_categories`` and ``category_labels`` (names of removed ones too).

Writing: :func:`add_need` (with an optional flipchart photo), :func:`update_need`, :func:`delete_need`,
:func:`restore_need`, :func:`change_status`, :func:`revert_status`, :func:`rank_needs`, :func:`set_dot_votes`,
:func:`attach_photo`, :func:`detach_photo` — one transaction each.

Where they live (all importable from here): :mod:`.rows` (fields, statuses, rows), :mod:`.validation`,
:mod:`.reading`, :mod:`.writing` (records, status changes, ranks), :mod:`.photos`, :mod:`.similar`, :mod:`.summary`.
"""

from __future__ import annotations

from lampang_planner.core.ops.needs.photos import (
    attach_photo,
    detach_photo,
    media_dir,
    photo_path,
    read_photo,
)
from lampang_planner.core.ops.needs.reading import (
    get_need,
    list_needs,
    status_history,
)
from lampang_planner.core.ops.needs.rows import (
    FISCAL_YEAR_RANGE,
    MAX_PHOTO_BYTES,
    MAX_VILLAGE_NO,
    MEDIA_DIRNAME,
    NEED_FIELDS,
    SIMILARITY_THRESHOLD,
    TRANSITIONS,
    NeedRow,
    S,
    SimilarNeed,
    StatusChange,
)
from lampang_planner.core.ops.needs.similar import (
    WEAK_WEIGHT,
    similar_needs,
    title_similarity,
    title_tokens,
)
from lampang_planner.core.ops.needs.summary import (
    SUMMARY_BY,
    NeedsSummary,
    SummaryRow,
    needs_summary,
)
from lampang_planner.core.ops.needs.validation import (
    clean_need,
    parse_status,
    status_labels,
)
from lampang_planner.core.ops.needs.writing import (
    add_need,
    add_need_in,
    allowed_statuses,
    change_status,
    change_status_in,
    delete_need,
    effective_path,
    rank_needs,
    restore_need,
    revert_status,
    set_dot_votes,
    update_need,
)

__all__ = [
    "FISCAL_YEAR_RANGE",
    "MAX_PHOTO_BYTES",
    "MAX_VILLAGE_NO",
    "MEDIA_DIRNAME",
    "NEED_FIELDS",
    "SIMILARITY_THRESHOLD",
    "SUMMARY_BY",
    "TRANSITIONS",
    "WEAK_WEIGHT",
    "NeedRow",
    "NeedsSummary",
    "S",
    "SimilarNeed",
    "StatusChange",
    "SummaryRow",
    "add_need",
    "add_need_in",
    "allowed_statuses",
    "attach_photo",
    "change_status",
    "change_status_in",
    "clean_need",
    "delete_need",
    "detach_photo",
    "effective_path",
    "get_need",
    "list_needs",
    "media_dir",
    "needs_summary",
    "parse_status",
    "photo_path",
    "rank_needs",
    "read_photo",
    "restore_need",
    "revert_status",
    "set_dot_votes",
    "similar_needs",
    "status_history",
    "status_labels",
    "title_similarity",
    "title_tokens",
    "update_need",
]
