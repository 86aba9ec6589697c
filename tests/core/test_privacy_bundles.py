"""PDPA through the real bundles: an erasure made on one laptop reaches the office and another laptop, and no copy
keeps the person's values in its change log (so no later bundle can bring them back)."""

from __future__ import annotations

from merge_support import enrol, export

from folder_support import new_store
from lampang_planner.core.db import Store
from lampang_planner.core.ops.people import add_person, get_person, invite
from lampang_planner.core.privacy.rights import erase_person
from lampang_planner.core.sync.exchange import import_bundles

PHONE = "0891234567"
CID = "1101700230708"


def _holds(store: Store, text: str) -> bool:
    """Whether ``text`` appears anywhere this folder keeps values: live rows, the change log, conflicts."""
    like = f"%{text}%"
    return bool(
        store.scalar("SELECT COUNT(*) FROM person WHERE phone LIKE ? OR citizen_id LIKE ? OR last_name LIKE ?",
                     (like, like, like))
        or store.scalar("SELECT COUNT(*) FROM change WHERE data LIKE ?", (like,))
        or store.scalar("SELECT COUNT(*) FROM conflict WHERE winner_value LIKE ? OR loser_value LIKE ?", (like, like))
    )


def test_an_erasure_on_one_laptop_reaches_the_office_and_another_laptop(demo_store, tmp_path):
    office = demo_store
    workshop = office.scalar("SELECT id FROM workshop ORDER BY start_date LIMIT 1")
    pid = add_person(office, {"first_name": "สมหมาย", "last_name": "ลบได้เสมอ", "phone": PHONE, "citizen_id": CID,
                              "consent": True, "participant_type": "other"})
    invite(office, workshop, [pid])
    kit = export(office, tmp_path / "kit", full=True)

    with new_store(tmp_path / "a") as a, new_store(tmp_path / "b") as b:
        import_bundles(a, [kit])
        import_bundles(b, [kit])
        enrol(office, a, b)  # the office enrolled its laptops (issue #13)
        assert get_person(b, pid)["phone"] == PHONE and _holds(b, PHONE)

        erase_person(a, pid)  # the person asks laptop A's desk to erase them
        import_bundles(office, [export(a, tmp_path / "from-a")])
        import_bundles(b, [export(office, tmp_path / "from-office")])

        for store in (a, office, b):
            p = get_person(store, pid)
            assert p["deleted"] and p["phone"] is None and p["citizen_id"] is None
            for value in (PHONE, CID, "ลบได้เสมอ"):
                assert not _holds(store, value), (store.device_name, value)
        # and a full export from any copy now carries none of it
        for name, store in (("a", a), ("office", office), ("b", b)):
            raw = export(store, tmp_path / f"full-{name}", full=True).read_bytes()
            assert PHONE.encode() not in raw  # (compressed; the change-log check above is the real proof)
