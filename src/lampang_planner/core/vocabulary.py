"""The domain's fixed vocabularies with their Thai and English labels (used by the window, Excel and PDF alike)."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A string enum whose members carry a Thai and an English label."""

    @property
    def th(self) -> str:
        return self._labels()[self][0]

    @property
    def en(self) -> str:
        return self._labels()[self][1]

    @classmethod
    def _labels(cls) -> dict:
        # StrEnum members hash as their value: an enum sharing values with another (ProposalStatus and NeedStatus
        # both have "done") keeps its labels in a dict of its own.
        return _LABELS

    def label(self, lang: str = "th") -> str:
        return self.en if lang == "en" else self.th


def th_label(kind: type[StrEnum], value: str) -> str:
    """The Thai label of ``value`` as one of ``kind`` (an enum with ``th``); ``value`` itself when it is not one (an
    old or hand-typed value is shown as it is, "" as "")."""
    try:
        return kind(value).th
    except ValueError:
        return value


def carried_th(for_count: int, against_count: int) -> str:
    """A vote's result: "ผ่าน" (carried: more for than against) or "ไม่ผ่าน"."""
    return "ผ่าน" if for_count > against_count else "ไม่ผ่าน"


class ParticipantType(Labelled):
    NETWORK_COMMITTEE = "network_committee"
    NETWORK_MEMBER = "network_member"
    STATE_AGENCY = "state_agency"
    PRIVATE_SECTOR = "private_sector"
    LOCAL_GOVERNMENT = "local_government"
    COMMUNITY_COUNCIL = "community_council"
    OTHER = "other"


class DeviceRole(Labelled):
    OFFICE = "office"
    LAPTOP = "laptop"


class NeedStatus(Labelled):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    BUDGETED = "budgeted"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"
    DROPPED = "dropped"


class NeedRoute(Labelled):
    COMMUNITY = "community"
    COMMUNITY_PLAN = "community_plan"
    TAMBON_PLAN = "tambon_plan"
    PAO_PLAN = "pao_plan"
    OTHER_AGENCY = "other_agency"


class VoteMethod(Labelled):
    HANDS = "hands"
    NAMED = "named"


class VoteChoice(Labelled):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class ResolutionStatus(Labelled):
    DRAFT = "draft"
    ADOPTED = "adopted"


class ProposalStatus(Labelled):
    DRAFT = "draft"
    IN_PLAN = "in_plan"
    BUDGETED = "budgeted"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"
    CANCELLED = "cancelled"

    @classmethod
    def _labels(cls) -> dict:
        return _PROPOSAL_LABELS


_LABELS: dict[Labelled, tuple[str, str]] = {
    ParticipantType.NETWORK_COMMITTEE: ("คณะกรรมการประสานงานสภาเครือข่ายพลเมือง", "Network coordinating committee"),
    ParticipantType.NETWORK_MEMBER: ("สมาชิกสภาเครือข่ายพลเมือง", "Network member"),
    ParticipantType.STATE_AGENCY: ("หน่วยงานภาครัฐ", "State agency"),
    ParticipantType.PRIVATE_SECTOR: ("ภาคเอกชน", "Private sector"),
    ParticipantType.LOCAL_GOVERNMENT: ("องค์กรปกครองส่วนท้องถิ่น", "Local government organisation"),
    ParticipantType.COMMUNITY_COUNCIL: ("สภาองค์กรชุมชนตำบล", "Tambon community council"),
    ParticipantType.OTHER: ("อื่น ๆ", "Other"),
    DeviceRole.OFFICE: ("สำนักงาน", "Office"),
    DeviceRole.LAPTOP: ("เครื่องภาคสนาม", "Field laptop"),
    NeedStatus.PROPOSED: ("เสนอ", "Proposed"),
    NeedStatus.ACCEPTED: ("บรรจุในแผน", "Accepted into a plan"),
    NeedStatus.BUDGETED: ("ได้รับงบประมาณ", "Budgeted"),
    NeedStatus.IN_PROGRESS: ("กำลังดำเนินการ", "In progress"),
    NeedStatus.DONE: ("ดำเนินการแล้ว", "Done"),
    NeedStatus.NOT_DONE: ("ไม่ได้ดำเนินการ", "Not done"),
    NeedStatus.DROPPED: ("ยกเลิก", "Dropped"),
    NeedRoute.COMMUNITY: ("ชุมชนดำเนินการเอง", "The community itself"),
    NeedRoute.COMMUNITY_PLAN: ("แผนชุมชน", "Community plan"),
    NeedRoute.TAMBON_PLAN: ("แผนพัฒนาท้องถิ่นระดับตำบล", "Tambon local-government plan"),
    NeedRoute.PAO_PLAN: ("แผนพัฒนา อบจ.", "PAO development plan"),
    NeedRoute.OTHER_AGENCY: ("หน่วยงานอื่น", "Another agency"),
    VoteMethod.HANDS: ("ยกมือ", "Show of hands"),
    VoteMethod.NAMED: ("ลงคะแนนรายบุคคล", "By name"),
    VoteChoice.FOR: ("เห็นด้วย", "For"),
    VoteChoice.AGAINST: ("ไม่เห็นด้วย", "Against"),
    VoteChoice.ABSTAIN: ("งดออกเสียง", "Abstain"),
    ResolutionStatus.DRAFT: ("ร่าง", "Draft"),
    ResolutionStatus.ADOPTED: ("รับรองแล้ว", "Adopted"),
}

_PROPOSAL_LABELS: dict[Labelled, tuple[str, str]] = {
    ProposalStatus.DRAFT: ("ร่างโครงการ", "Draft"),
    ProposalStatus.IN_PLAN: ("บรรจุในแผนพัฒนา", "In the plan"),
    ProposalStatus.BUDGETED: ("ตั้งงบประมาณแล้ว", "Budgeted"),
    ProposalStatus.IN_PROGRESS: ("กำลังดำเนินการ", "In progress"),
    ProposalStatus.DONE: ("ดำเนินการแล้ว", "Done"),
    ProposalStatus.NOT_DONE: ("ไม่ได้ดำเนินการ", "Not done"),
    ProposalStatus.CANCELLED: ("ยกเลิก", "Cancelled"),
}

# The default, editable list of need categories: (key, Thai, English).
DEFAULT_NEED_CATEGORIES: list[tuple[str, str, str]] = [
    ("infrastructure", "ถนนและโครงสร้างพื้นฐาน", "Roads and infrastructure"),
    ("water", "แหล่งน้ำ", "Water"),
    ("agriculture", "การเกษตร", "Agriculture"),
    ("economy", "เศรษฐกิจและอาชีพ", "Economy and occupation"),
    ("health", "สาธารณสุข", "Health"),
    ("education", "การศึกษา", "Education"),
    ("welfare", "สวัสดิการสังคม", "Social welfare"),
    ("environment", "สิ่งแวดล้อม", "Environment"),
    ("culture", "ศาสนาและวัฒนธรรม", "Culture"),
    ("safety", "ความปลอดภัย", "Safety"),
    ("governance", "การบริหารจัดการ", "Governance"),
]
