"""Trust is given, not taken (issue #13).

Who may sign a bundle this folder imports:

- **this folder itself** (its own export, back again);
- **its office**: on an office folder, itself; on a laptop, the office whose kit it adopted. A laptop with no office
  yet adopts the office of the first *kit* it is given (the office hands the kit over in person, on a stick, often
  under a passphrase) — that is how a laptop is set up, and the only signer it takes without being told;
- **an enrolled device**: one in this folder's trust store (``trusted_device``). The office enrols its laptops: a
  laptop's first bundle is refused (``unknown-signer``, naming the device and its key's fingerprint) until the office
  accepts it with its office PIN (``accept_signers`` with ``pin``; the window asks for the PIN), which enrols that
  device and key. Each kit carries, in its signed manifest, the office's list of enrolled devices and keys
  (``enrolled``); a laptop importing its office's kit enrols exactly those (the office's word replaces what it held),
  so laptops of one office accept each other's bundles at a venue.

Anything else is refused before anything is written; a device id signing with another key than the one enrolled is
an impostor. Trust-on-first-use is gone: a stranger's bundle arriving first no longer locks the real laptop out.

**Who may forward what** (a bundle carries lines of devices other than its signer: a full export carries what the
laptop received in its kit, a venue exchange relays a sibling's check-ins):

- the office (the signer that is this folder's office) forwards any device's lines: it is the hub, and its kit is
  how every laptop's work reaches the others;
- any other signer forwards lines of itself, of this folder's office, and of the devices this folder has enrolled
  (what it could have received from a kit or from an enrolled sibling). A line claiming any other device — one never
  enrolled here — refuses the bundle (``forged-line``);
- a line claiming to come from **this folder** itself, forwarded by anyone but its office, must be one this folder
  already logged, with the same content; otherwise it is forged (``forged-line``): nobody else writes in our name.

One stamp carrying two different writes is refused whatever the order (:class:`.apply.StampClash`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.privacy.pin import has_pin
from lampang_planner.core.privacy.pin import require_pin as check_pin
from lampang_planner.core.sync import keys, kits

ENROLLED = "enrolled"  # the manifest key of a kit's enrolment list
MAX_ENROLLED = 10_000


def require_office_pin(store: Store, pin: str | None) -> None:
    """An office decision (accepting an unknown signer, taking a bundle in as of its import) needs this machine's
    office PIN: one must be set, and ``pin`` must be it. UserError otherwise."""
    if not has_pin(store):
        raise UserError(
            "ต้องตั้งรหัส PIN ของสำนักงานในเครื่องนี้ก่อน (privacy set-pin) จึงจะรับไฟล์นี้เข้าได้ ไม่มีการบันทึกข้อมูลใด",
            "Set this machine's office PIN first (privacy set-pin): taking this file in is an office decision. "
            "Nothing was written",
            code="pin-needed",
        )
    check_pin(store, pin)


def _hex(public_key: str | Ed25519PublicKey) -> str:
    return public_key if isinstance(public_key, str) else keys.public_hex(public_key)


def enrol(store: Store, device_id: str, public_key: str | Ed25519PublicKey, name: str, role: str = kits.LAPTOP,
          *, pin: str | None) -> None:
    """Enrol a device and its key in this folder's trust store (the office's PIN needed). A device already enrolled
    with another key must be forgotten first (``bundle trust --forget``)."""
    require_office_pin(store, pin)
    key_hex = _hex(public_key)
    keys.public_key_from_hex(key_hex)  # ValueError when it is not a key
    with store.transaction() as tx:
        enrol_in(tx.db, store, device_id, key_hex, name, role)


def enrol_in(db: sqlite3.Connection, store: Store, device_id: str, key_hex: str, name: str, role: str) -> None:
    """Inside the caller's transaction: enrol one device (see :func:`enrol`; the caller checked the PIN)."""
    own = keys.public_hex(keys.load_or_create_device_key(store.data_dir).public_key())
    keys.check_not_impostor(db, store.device_id, own, device_id, key_hex)
    if device_id != store.device_id:
        keys.pin(db, device_id, key_hex, name, role)


def is_enrolled(store: Store, device_id: str, key_hex: str) -> bool:
    return keys.pinned_key(store.db, device_id) == key_hex


def office_id(store: Store) -> str:
    """This folder's office: itself on an office, the adopted office on a laptop ("" when it has none)."""
    return store.device_id if kits.is_office(store) else (store.office_device_id or "")


def enrolled_list(store: Store) -> list[dict]:
    """What a kit carries: every device this office enrolled, with its key (sorted by id)."""
    return [{"id": d.id, "name": d.name, "role": d.role, "public_key": d.public_key}
            for d in keys.trusted_devices(store.db) if d.id != store.device_id]


def check_enrolled_section(section: object) -> list[dict]:
    """The shape of a kit manifest's ``enrolled`` list (ValueError when malformed)."""
    if not isinstance(section, list) or len(section) > MAX_ENROLLED:
        raise ValueError("enrolled: not a list")
    for d in section:
        if not isinstance(d, dict) or not all(isinstance(d.get(k), str) for k in ("id", "name", "role", "public_key")):
            raise ValueError("enrolled: malformed entry")
        if not 0 < len(d["id"]) <= 64:
            raise ValueError("enrolled: bad device id")
        keys.public_key_from_hex(d["public_key"])
    return section


def take_enrolment(db: sqlite3.Connection, own_id: str, office: str, section: Iterable[dict]) -> int:
    """Inside a kit import's transaction on a laptop: enrol the devices its office lists (the office's word replaces
    a key held for the same id). Returns how many it enrolled."""
    n = 0
    for d in section:
        if d["id"] in (own_id, office):
            continue
        db.execute("DELETE FROM trusted_device WHERE id=? AND public_key<>?", (d["id"], d["public_key"]))
        keys.pin(db, d["id"], d["public_key"], d["name"], d["role"])
        n += 1
    return n


def forwardable(store: Store, signer: str, also: Iterable[str] = ()) -> frozenset[str] | None:
    """The devices whose lines a bundle signed by ``signer`` may carry into this folder; None: any (the office)."""
    office = office_id(store)
    if signer == office and signer:
        return None
    ids = {r[0] for r in store.db.execute("SELECT id FROM trusted_device")}
    ids.update((signer, store.device_id, *also))
    if office:
        ids.add(office)
    return frozenset(ids)


def unknown_signer_error(path_name: str, device_id: str, device_name: str, key_hex: str) -> UserError:
    fp = keys.fingerprint(key_hex)
    who = f"{device_name} ({device_id})" if device_name else device_id
    return UserError(
        f"{path_name}: ปฏิเสธไฟล์: ลงนามโดยเครื่อง {who} ที่เครื่องนี้ยังไม่ได้ลงทะเบียน (ลายนิ้วมือกุญแจ {fp}) "
        "ไม่มีการบันทึกข้อมูลใด ถ้าเป็นเครื่องของสำนักงานจริง ให้ตรวจลายนิ้วมือกุญแจกับเครื่องนั้น แล้วรับเข้าด้วยรหัส PIN "
        "ของสำนักงาน (ปุ่ม \"รับเข้า\" ในหน้าแลกเปลี่ยนข้อมูล หรือคำสั่ง bundle import --accept-signer)",
        f"{path_name}: Refused: signed by device {who}, which this folder has not enrolled (key fingerprint {fp}). "
        "Nothing was written. If it is one of the office's laptops, compare the fingerprint with that laptop, then "
        "accept it with the office PIN (\"Take them in\" on the Exchange page, or bundle import --accept-signer)",
        code="unknown-signer",
    )


def forged_line_error(path_name: str, signer: str, device: str, stamp: str, own: bool) -> UserError:
    if own:
        th = (f"มีรายการที่อ้างว่ามาจากเครื่องนี้เอง ({stamp}) แต่เครื่องนี้ไม่เคยบันทึก — ไม่มีใครเขียนแทนเครื่องนี้ได้")
        en = (f"a line claims to come from this folder itself ({stamp}) but this folder never wrote it — nobody "
              "writes in this folder's name")
    else:
        th = f"มีรายการที่อ้างว่ามาจากเครื่อง {device} ซึ่งเครื่อง {signer} ไม่มีสิทธิ์ส่งต่อ (ไม่ได้ลงทะเบียนไว้)"
        en = f"a line claims to come from device {device}, which {signer} is not entitled to forward (not enrolled)"
    return UserError(f"{path_name}: ปฏิเสธไฟล์: {th} ไม่มีการบันทึกข้อมูลใด",
                     f"{path_name}: Refused: {en}; nothing was written", code="forged-line")
