"""SQLModel tables: the domain vocabulary.

Synced tables carry the sync metadata on every row (README, "How it is built"):
``id`` (UUIDv7, or a UUIDv5 of the natural key for facts that must converge), ``origin_device``, ``hlc`` (the newest
write stamp on the row), ``deleted`` (tombstone) and ``clocks`` (JSON: the winning stamp of every field). Their values
are a materialised view of the change log (``change`` table): every write, local or imported, goes through
:mod:`lampang_planner.core.sync.apply`.

Relations between synced rows are logical, not SQL foreign keys: rows are never physically deleted (tombstones) and
bundles may bring a child before its parent. Reference data (districts, tambons) is enforced with real foreign keys.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

# ids and the write path's view of the tables live in core.schema (no SQLAlchemy); re-exported here
from lampang_planner.core.schema import NATURAL_ID_NAMESPACE, natural_id, new_id, uuid7  # noqa: F401

# --- reference data (not synced; shipped with the app) -------------------------------------------------------------


class District(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=4)
    province_code: str = Field(max_length=2)
    name_th: str
    name_en: str


class Subdistrict(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=6)
    district_code: str = Field(foreign_key="district.code", index=True)
    name_th: str
    name_en: str
    postcode: str


# --- synced rows ---------------------------------------------------------------------------------------------------


class Synced(SQLModel):
    """Columns every synced row has. ``__merge__`` names fields that merge by a rule other than last-writer-wins."""

    __merge__: ClassVar[dict[str, str]] = {}
    __derived__: ClassVar[tuple[str, ...]] = ()
    __natural_key__: ClassVar[tuple[str, ...]] = ()  # non-empty: id = natural_id(...) so devices converge

    id: str = Field(primary_key=True)
    origin_device: str = ""
    hlc: str = ""
    deleted: bool = False
    clocks: str = "{}"


class Person(Synced, table=True):
    code: str | None = Field(default=None, index=True)
    prefix: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    organisation: str | None = None
    position: str | None = None
    participant_type: str | None = None
    district_code: str | None = Field(default=None, foreign_key="district.code")
    subdistrict_code: str | None = Field(default=None, foreign_key="subdistrict.code")
    phone: str | None = None
    citizen_id: str | None = Field(default=None, index=True)
    address: str | None = None  # the registered address from the ID card: only where allowances are paid (ops.card_checkin)
    consent: bool | None = None
    consent_date: date | None = None
    merged_into: str | None = None
    note: str | None = None

    # a merge group is found from one person (core.privacy.links), without reading every person
    __table_args__ = (Index("ix_person_merged_into", "merged_into", sqlite_where=text("merged_into IS NOT NULL")),)


class Workshop(Synced, table=True):
    title: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    district_code: str | None = Field(default=None, foreign_key="district.code")
    subdistrict_code: str | None = Field(default=None, foreign_key="subdistrict.code")
    venue: str | None = None
    topics: str | None = None  # one session/topic per line
    facilitators: str | None = None  # one name per line
    retention_days: int | None = None
    pays_allowances: bool | None = None  # ID cards then leave the citizen ID and address (with consent)


class Invitation(Synced, table=True):
    """One per person per workshop: id = uuid5(workshop_id, person_id)."""

    __natural_key__: ClassVar[tuple[str, ...]] = ("workshop_id", "person_id")
    # a person's workshops (the People page's detail pane) come from the person's own rows
    __table_args__ = (Index("ix_invitation_person_workshop", "person_id", "workshop_id"),)

    workshop_id: str | None = Field(default=None, index=True)
    person_id: str | None = Field(default=None, index=True)


class WorkshopSession(Synced, table=True):
    """A session of a workshop (morning, afternoon, a second day). Attendance, counts and quorum are per session.

    Every workshop has a first session whose id is :func:`first_session_id` (the same on every device): until someone
    edits it, it is implied (``core.ops.sessions``), so folders from before sessions, workshops made by an older
    version and new workshops all have exactly one session without any write. Further sessions get UUIDv7 ids.
    ``day`` None means the workshop's dates; ``starts``/``ends`` are "HH:MM" Bangkok time or None.
    """

    __tablename__ = "session"

    workshop_id: str | None = Field(default=None, index=True)
    number: int | None = None  # order within the workshop
    name: str | None = None
    day: date | None = None
    starts: str | None = None
    ends: str | None = None


class Attendance(Synced, table=True):
    """One per person per session: see :func:`attendance_id`.

    ``scans`` is a JSON map desk → earliest check-in time there; it merges by union keeping the earliest time, so the
    same person scanned at two desks is one attendance that records both desks. ``checked_in_at`` and ``desk`` are
    derived from it (the earliest scan). ``kinds`` maps the same keys to how that check-in was made ("scan", "search",
    "walk-in", "paper", ...), ``keyed_by`` the paper entries to who keyed them in; both merge like ``scans``.
    ``session_id`` None (rows written before sessions existed) means the workshop's first session.
    """

    __merge__: ClassVar[dict[str, str]] = {"scans": "map_min", "kinds": "map_min", "keyed_by": "map_min"}
    __natural_key__: ClassVar[tuple[str, ...]] = ("workshop_id", "person_id")
    __derived__: ClassVar[tuple[str, ...]] = ("checked_in_at", "desk")
    __table_args__ = (Index("ix_attendance_person_workshop", "person_id", "workshop_id"),)

    workshop_id: str | None = Field(default=None, index=True)
    person_id: str | None = Field(default=None, index=True)
    scans: str | None = None
    checked_in_at: str | None = None  # ISO 8601 with offset
    desk: str | None = None
    # 0004 (added at the end, where the migration puts them: the columns' order is the same in every folder)
    session_id: str | None = Field(default=None, index=True)
    kinds: str | None = None
    keyed_by: str | None = None


class NeedCategory(Synced, table=True):
    __tablename__ = "need_category"

    key: str | None = None
    name_th: str | None = None
    name_en: str | None = None
    sort_order: int | None = None


class Need(Synced, table=True):
    workshop_id: str | None = Field(default=None, index=True)
    district_code: str | None = Field(default=None, foreign_key="district.code")
    subdistrict_code: str | None = Field(default=None, foreign_key="subdistrict.code")
    village_no: str | None = None
    village_name: str | None = None
    title: str | None = None
    description: str | None = None
    category: str | None = None
    group_name: str | None = None
    session: str | None = None
    raised_by: str | None = None
    rank: int | None = None
    dot_votes: int | None = None
    route: str | None = None
    plan_strategy: str | None = None
    fiscal_year: int | None = None  # Buddhist era
    status: str | None = None
    status_date: date | None = None
    photo: str | None = None  # file name of the flipchart photo in the data folder's media/


class NeedStatusChange(Synced, table=True):
    __tablename__ = "need_status_change"

    need_id: str | None = Field(default=None, index=True)
    status: str | None = None
    changed_on: date | None = None
    changed_by: str | None = None
    note: str | None = None


class Resolution(Synced, table=True):
    title: str | None = None
    year_be: int | None = None
    preamble: str | None = None
    status: str | None = None
    adopted_on: date | None = None


class Clause(Synced, table=True):
    resolution_id: str | None = Field(default=None, index=True)
    number: int | None = None
    text: str | None = None
    adopted_text: str | None = None


class ClauseVersion(Synced, table=True):
    __tablename__ = "clause_version"

    clause_id: str | None = Field(default=None, index=True)
    text: str | None = None
    source: str | None = None  # "draft", "amendment:<id>", "office"
    created_on: date | None = None


class Amendment(Synced, table=True):
    clause_id: str | None = Field(default=None, index=True)
    workshop_id: str | None = Field(default=None, index=True)
    mover: str | None = None
    seconder: str | None = None
    text: str | None = None
    status: str | None = None


class Vote(Synced, table=True):
    """The vote on one clause or amendment at one workshop: id = uuid5(workshop_id, clause_id, amendment_id)."""

    __natural_key__: ClassVar[tuple[str, ...]] = ("workshop_id", "clause_id", "amendment_id")

    workshop_id: str | None = Field(default=None, index=True)
    clause_id: str | None = Field(default=None, index=True)
    amendment_id: str | None = None
    method: str | None = None
    for_count: int | None = None
    against_count: int | None = None
    abstain_count: int | None = None
    present: int | None = None
    recorded_at: str | None = None


class Ballot(Synced, table=True):
    """One person's vote where the workshop votes by name: id = uuid5(vote_id, person_id)."""

    __natural_key__: ClassVar[tuple[str, ...]] = ("vote_id", "person_id")

    vote_id: str | None = Field(default=None, index=True)
    person_id: str | None = Field(default=None, index=True)
    choice: str | None = None


class Proposal(Synced, table=True):
    """A project proposal of the local development plan (one row of form ผ.02 / ผ.02/1), usually made from a need.

    ``need_id`` is the link to the community need it came from (who raised it lives on the need). ``budgets`` is a
    JSON map Buddhist-era fiscal year → baht, so a plan period set later still finds every amount.
    """

    need_id: str | None = Field(default=None, index=True)
    province_strategy: str | None = None  # ก. ยุทธศาสตร์จังหวัด
    area_strategy: str | None = None  # ข. ยุทธศาสตร์การพัฒนาของ อปท. ในเขตจังหวัด
    strategy: str | None = None  # ยุทธศาสตร์ of the PAO's own plan (the numbered line)
    work_plan: str | None = None  # แผนงาน
    title: str | None = None
    objective: str | None = None
    output_qty: float | None = None
    output_unit: str | None = None
    output_place: str | None = None
    kpi: str | None = None
    expected_result: str | None = None
    division: str | None = None  # หน่วยงานรับผิดชอบหลัก (กอง)
    budgets: str | None = None  # JSON {"2566": 500000, ...}
    fund_source: str | None = None
    community_plan: bool | None = None  # from a village/community plan: form ผ.02/1
    status: str | None = None  # ProposalStatus
    district_code: str | None = Field(default=None, foreign_key="district.code")


class DevPlan(Synced, table=True):
    """The development plan the office is drawing up: one row, id = natural_id(DevPlan, "current")."""

    __tablename__ = "dev_plan"
    __natural_key__: ClassVar[tuple[str, ...]] = ("key",)

    key: str | None = None
    first_year: int | None = None  # Buddhist era
    years: int | None = None  # 4 (the 2561–2564 plan) or 5
    edition: str | None = None  # "" for the plan itself, else e.g. "เพิ่มเติม ครั้งที่ 1/2567"
    org_name: str | None = None


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Person,
    Workshop,
    WorkshopSession,
    Invitation,
    Attendance,
    NeedCategory,
    Need,
    NeedStatusChange,
    Resolution,
    Clause,
    ClauseVersion,
    Amendment,
    Vote,
    Ballot,
    Proposal,
    DevPlan,
)

# --- local bookkeeping (never synced, never in the digest) --------------------------------------------------------


class Device(SQLModel, table=True):
    """This data folder's identity. Exactly one row."""

    id: str = Field(primary_key=True)
    name: str = ""
    role: str = "laptop"
    desk: str = ""
    clock: str = ""  # the last HLC stamp issued or received
    office_device_id: str | None = None
    created_at: str = ""


class Change(SQLModel, table=True):
    """The change log: every write ever seen, local or imported. Its set determines the synced tables."""

    __table_args__ = (Index("ix_change_row", "tbl", "row_id"),)

    hlc: str = Field(primary_key=True)
    tbl: str
    row_id: str
    device: str
    author: str = ""
    data: str  # JSON object: field → value
    parents: str = "[]"  # JSON list of stamps this write saw and replaced


class Conflict(SQLModel, table=True):
    """Derived: a write that lost to a concurrent one (or an edit racing a delete), kept for review."""

    id: str = Field(primary_key=True)
    tbl: str
    row_id: str = Field(index=True)
    field: str
    kind: str  # "concurrent" | "edit_vs_delete"
    winner_hlc: str
    winner_value: str | None = None
    loser_hlc: str
    loser_value: str | None = None
    loser_device: str = ""


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str


class TrustedDevice(SQLModel, table=True):
    """A device whose signed bundles this folder accepted, pinned to the public key first seen (trust on first sight)."""

    __tablename__ = "trusted_device"

    id: str = Field(primary_key=True)  # the device id
    public_key: str  # raw Ed25519 public key, hex
    name: str = ""
    role: str = ""
    first_seen: str = ""
    last_seen: str = ""


class BundleLog(SQLModel, table=True):
    """Bundles exported ("out") or imported ("in") here: the delta watermark, and ids never applied twice."""

    __tablename__ = "bundle_log"

    id: str = Field(primary_key=True)  # the bundle id (UUIDv7)
    direction: str  # "out" | "in"
    kind: str = ""  # "delta" | "full" | "kit"
    device_id: str = ""
    created_at: str = ""
    done_at: str = ""
    changes: int = 0
    hlc_min: str = ""
    hlc_max: str = ""
    seq: int | None = None  # out: the change log's highest rowid the bundle covered
    seq_hlc: str | None = None  # out: the stamp at that rowid (guards against renumbered rowids)
    file_name: str = ""
    report: str = "{}"  # in: the import report (JSON)
