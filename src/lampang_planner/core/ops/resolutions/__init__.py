"""Draft resolutions: numbered clauses whose text keeps its versions, amendments moved at workshops, quorum from the
people checked in, votes by show of hands or by name, the office's side-by-side view of every workshop's votes, and
adoption of the consolidated text.

Every function that changes data is one transaction; bad input raises :class:`UserError` / :class:`ValidationError`
(Thai first, English second) before anything is written.

Quorum (องค์ประชุม). The default rule is the one Thai assemblies most often write: *not less than half of those
registered for the meeting* (ไม่น้อยกว่ากึ่งหนึ่งของผู้ลงทะเบียน). "Registered" is everyone on the workshop's roster: the
people invited plus walk-ins registered at the desk (anyone checked in). "Present" is everyone checked in at that
moment (live attendance rows; a check-in that was undone no longer counts). Other rules are a :class:`QuorumRule`
parameter: another share (one third…), "more than" instead of "not less than" (เกินกึ่งหนึ่ง), or a fixed number.

Votes. One vote per workshop per clause or amendment (``id = natural_id("vote", workshop_id, clause_id, amendment_id)``,
so the same vote recorded on two laptops is one row). Each records ``present``, the number of people checked in when
it was recorded, and its for/against/abstain may not add up to more. Where a workshop votes by name the counts come
from the ballots (one per person checked in); readers recount the ballots, so merged ballots from two laptops give the
right totals.

Stable reading API (the window, ``resolution list/votes`` and the Excel/PDF reports use these; keep the names):
:func:`list_resolutions`, :func:`get_resolution` → :class:`ResolutionRow`; :func:`list_clauses` → :class:`ClauseRow`;
:func:`clause_versions` → :class:`ClauseVersionRow` oldest first; :func:`list_amendments` → :class:`AmendmentRow`;
:func:`votes_side_by_side` → :class:`ResolutionVotes` (per clause and amendment, each workshop's :class:`VoteRow` and
the :class:`Tally` over workshops); :func:`consolidated_text`; :func:`quorum` → :class:`Quorum`,
:func:`present_count`, :func:`registered_count`, :func:`voters`; :func:`get_vote`, :func:`ballots`.

Writing, one transaction each: :func:`add_resolution`, :func:`update_resolution`, :func:`delete_resolution`,
:func:`add_clause`, :func:`edit_clause_text`, :func:`delete_clause`, :func:`propose_amendment`,
:func:`withdraw_amendment`, :func:`record_vote`, :func:`record_ballot`, :func:`withdraw_ballot`, :func:`delete_vote`,
:func:`adopt_clause_text`, :func:`adopt_resolution`.

Where they live (all importable from here): :mod:`.drafts` (resolutions, clauses, amendments and reading them),
:mod:`.presence_and_quorum`, :mod:`.votes` (votes and ballots), :mod:`.office_view` (side by side), :mod:`.adoption`,
and :mod:`.rows` (the rows returned and the look-ups the others share).
"""

from __future__ import annotations

from lampang_planner.core.ops.resolutions.adoption import (
    ConsolidatedClause,
    adopt_clause_text,
    adopt_resolution,
    consolidated_text,
)
from lampang_planner.core.ops.resolutions.drafts import (
    add_clause,
    add_resolution,
    clause_versions,
    delete_clause,
    delete_resolution,
    edit_clause_text,
    get_resolution,
    list_amendments,
    list_clauses,
    list_resolutions,
    propose_amendment,
    update_resolution,
    withdraw_amendment,
)
from lampang_planner.core.ops.resolutions.office_view import (
    AmendmentVotes,
    ClauseVotes,
    ResolutionVotes,
    Tally,
    WorkshopRef,
    votes_side_by_side,
)
from lampang_planner.core.ops.resolutions.presence_and_quorum import (
    DEFAULT_QUORUM_RULE,
    Quorum,
    QuorumRule,
    Voter,
    present_count,
    present_now,
    present_people,
    quorum,
    registered_count,
    voters,
)
from lampang_planner.core.ops.resolutions.rows import (
    YEAR_RANGE,
    AmendmentRow,
    AmendmentStatus,
    BallotRow,
    ClauseRow,
    ClauseVersionRow,
    ResolutionRow,
    VoteRow,
)
from lampang_planner.core.ops.resolutions.votes import (
    ballots,
    delete_vote,
    get_vote,
    record_ballot,
    record_vote,
    vote_id_for,
    withdraw_ballot,
)
from lampang_planner.core.thai.dates import BANGKOK

__all__ = [
    "BANGKOK",
    "DEFAULT_QUORUM_RULE",
    "YEAR_RANGE",
    "AmendmentRow",
    "AmendmentStatus",
    "AmendmentVotes",
    "BallotRow",
    "ClauseRow",
    "ClauseVersionRow",
    "ClauseVotes",
    "ConsolidatedClause",
    "Quorum",
    "QuorumRule",
    "ResolutionRow",
    "ResolutionVotes",
    "Tally",
    "VoteRow",
    "Voter",
    "WorkshopRef",
    "add_clause",
    "add_resolution",
    "adopt_clause_text",
    "adopt_resolution",
    "ballots",
    "clause_versions",
    "consolidated_text",
    "delete_clause",
    "delete_resolution",
    "delete_vote",
    "edit_clause_text",
    "get_resolution",
    "get_vote",
    "list_amendments",
    "list_clauses",
    "list_resolutions",
    "present_count",
    "present_now",
    "present_people",
    "propose_amendment",
    "quorum",
    "record_ballot",
    "record_vote",
    "registered_count",
    "update_resolution",
    "vote_id_for",
    "voters",
    "votes_side_by_side",
    "withdraw_amendment",
    "withdraw_ballot",
]
