"""Personal data on the USB stick (issue #8): a laptop's bundle carries people's names, phone numbers and citizen IDs
sealed to the office's key; only the office opens them; a laptop without that key does not export them in clear
unless told to; a kit can travel under a passphrase; older clear bundles still import."""

from __future__ import annotations

import base64
import hashlib
import json
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest
from merge_support import clone_folder, dig, enrol, new_device, state

from folder_support import new_store
from lampang_planner.cli import main
from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.ops.people import create_person, get_person
from lampang_planner.core.privacy.pin import set_pin
from lampang_planner.core.sync import bundle as B
from lampang_planner.core.sync import keys, kits, seal
from lampang_planner.core.sync.exchange import device_key, export_bundle, identity, import_bundles, verify_bundle
from lampang_planner.core.thai.citizen_id import check_digit, format_citizen_id

HERE = Path(__file__).resolve().parent
FORMAT1 = HERE / "bundles" / "format1-delta.lpbundle"  # written by the version before encryption (format 1)
LOG = "SELECT hlc, tbl, row_id, device, author, data, parents FROM change ORDER BY hlc"


def cid(first12: str) -> str:
    return first12 + str(check_digit(first12))


WALK_INS = [
    {"prefix": "นาง", "first_name": "บัวผันลับตา", "last_name": "ปินตาแก้วมิดชิด", "phone": "0891234567",
     "citizen_id": cid("352030012345"), "consent": True, "consent_date": "2016-09-02", "subdistrict_code": "520303",
     "participant_type": "other", "organisation": "กลุ่มแม่บ้านบ้านท่าผา", "note": "แพ้อาหารทะเล"},
    {"prefix": "นาย", "first_name": "คำปันซ่อนเร้น", "last_name": "ใจงามเงียบกริบ", "phone": "0817654321",
     "citizen_id": cid("110170023070"), "consent": True, "consent_date": "2016-09-02", "subdistrict_code": "520303",
     "participant_type": "other"},
]
MOVER, SECONDER, RAISED_BY = "นางมณีจันทร์หลบหน้า", "นายสมปองไร้เงา", "นางดวงใจปิดบังตัว"
NEW_PHONE = "0998887776"


# --- helpers -------------------------------------------------------------------------------------------------------


def forms(secret: str) -> list[bytes]:
    """Every way a text could sit in a file: UTF-8 (as JSON writes Thai here), JSON's \\u escapes, UTF-16, TIS-620."""
    out = {secret.encode("utf-8"), json.dumps(secret)[1:-1].encode("ascii"), secret.encode("utf-16-le")}
    try:
        out.add(secret.encode("cp874"))
    except UnicodeEncodeError:
        pass
    return sorted(out)


def blobs_of(path: Path) -> list[bytes]:
    """The file's bytes, every member of the zip, and every member that inflates, inflated."""
    raw = path.read_bytes()
    out = [raw]
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            member = z.read(name)
            out.append(member)
            try:
                out.append(zlib.decompress(member))
            except zlib.error:
                pass
    return out


def leaks(path: Path, secrets: list[str]) -> list[str]:
    blobs = blobs_of(path)
    return sorted({s for s in secrets for f in forms(s) for b in blobs if f in b})


def people_secrets(store: Store) -> list[str]:
    """Full names, phone numbers and citizen IDs (plain and formatted) of every person this folder holds."""
    out = []
    for first, last, phone, cid_ in store.query("SELECT first_name, last_name, phone, citizen_id FROM person"):
        if first and last:
            out.append(f"{first} {last}")
        out += [x for x in (phone, cid_) if x]
        if cid_:
            out.append(format_citizen_id(cid_))
    return out


def one_workshop(office: Store) -> str:
    return office.scalar("SELECT id FROM workshop WHERE district_code='5203' AND start_date > '2016-08-25'")


def laptop_from_kit(office: Store, folder: Path, kit: Path, name: str = "ทีมอำเภอเกาะคา") -> Store:
    s = new_device(folder, name)
    import_bundles(s, [kit])
    enrol(office, s)  # the office enrolled it (issue #13: its bundles are refused otherwise)
    return s


def personal_writes(laptop: Store, wid: str) -> list[str]:
    """Walk-ins, a roster person's new phone, an amendment's mover and seconder, a need's raiser. Their secrets."""
    roster = laptop.scalar("SELECT person_id FROM invitation WHERE workshop_id=? ORDER BY person_id", (wid,))
    clause = laptop.scalar("SELECT id FROM clause ORDER BY id")
    with laptop.transaction() as tx:
        for p in WALK_INS:
            create_person(tx, p)
        tx.update("person", roster, {"phone": NEW_PHONE})
        tx.insert("amendment", {"clause_id": clause, "workshop_id": wid, "mover": MOVER, "seconder": SECONDER,
                                "text": "เพิ่มคำว่า 'และเยาวชน'", "status": "proposed"})
        tx.insert("need", {"workshop_id": wid, "title": "ซ่อมฝายบ้านท่าผา", "raised_by": RAISED_BY})
    secrets = [MOVER, SECONDER, RAISED_BY, NEW_PHONE]
    for p in WALK_INS:
        secrets += [p["first_name"], p["last_name"], f"{p['first_name']} {p['last_name']}", p["phone"],
                    p["citizen_id"], format_citizen_id(p["citizen_id"])]
        secrets += [p[k] for k in ("organisation", "note") if k in p]
    return secrets


def resign(path: Path, out: Path, key, *, edit_rows=None, edit_manifest=None) -> Path:
    """The bundle at ``path`` with its payload lines and/or manifest changed, and signed again with ``key`` (its own
    signer's key): only what the edit changed is wrong with the result."""
    members = B.unpack(path.read_bytes())
    m = json.loads(members[B.MANIFEST])
    raw = zlib.decompress(members[B.PAYLOAD])
    rows = [json.loads(x) for x in raw.decode().splitlines()]
    if edit_rows:
        edit_rows(rows)
        raw = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows).encode()
    blob = zlib.compress(raw)
    m["payload"].update(size=len(raw), stored_size=len(blob), sha256=hashlib.sha256(blob).hexdigest())
    if edit_manifest:
        edit_manifest(m)
    mb = json.dumps(m, ensure_ascii=False, indent=1, sort_keys=True).encode()
    out.write_bytes(B.pack([(B.MANIFEST, mb), (B.PAYLOAD, blob), (B.SIGNATURE, key.sign(mb).hex().encode())]))
    return out


def refused(store: Store, path: Path, codes: set[str], **kw) -> B.BundleError:
    before = state(store)
    with pytest.raises(B.BundleError) as err:
        import_bundles(store, [path], **kw)
    assert err.value.code in codes, err.value.one_line()
    assert err.value.th and err.value.en and err.value.th != err.value.en
    assert state(store) == before
    return err.value


@pytest.fixture
def office(demo_store):
    assert demo_store.role == "office" and keys.load_box_key(demo_store.data_dir) is not None
    return demo_store


@pytest.fixture
def field(office, tmp_path):
    """A laptop started from the office's one-workshop kit, with personal writes of its own."""
    wid = one_workshop(office)
    kit = export_bundle(office, tmp_path / "kit.lpbundle", full=True, workshops=[wid]).path
    laptop = laptop_from_kit(office, tmp_path / "laptop", kit)
    secrets = personal_writes(laptop, wid)
    yield {"laptop": laptop, "kit": kit, "wid": wid, "secrets": secrets}
    laptop.close()


# --- a lost stick shows no one -------------------------------------------------------------------------------------


def test_a_lost_stick_shows_no_name_phone_or_citizen_id_yet_the_office_sees_them(office, field, demo_folder, tmp_path):
    laptop, secrets = field["laptop"], field["secrets"]
    assert identity(laptop).encrypts
    delta = export_bundle(laptop, tmp_path / "delta.lpbundle")
    assert delta.sealed and not delta.protected
    full = export_bundle(laptop, tmp_path / "full.lpbundle", full=True)
    clear = export_bundle(laptop, tmp_path / "clear.lpbundle", full=True, clear=True)
    everyone = secrets + people_secrets(laptop)  # the kit's roster travels in the full export too
    assert len(everyone) > 20
    assert leaks(delta.path, secrets) == []
    assert leaks(full.path, everyone) == []
    stored_as_typed = {x for x in secrets if " " not in x and "-" not in x}  # not the joined or formatted forms
    assert set(leaks(clear.path, everyone)) >= stored_as_typed  # the check does find them when they are there
    m = B.read_bundle(full.path).manifest
    assert m["format_version"] == 2 and B.read_bundle(clear.path).manifest["format_version"] == 1
    assert m["sealed"]["recipient"] == keys.box_public_hex(keys.load_box_key(office.data_dir).public_key())
    assert m["sealed"]["lines"] >= len(WALK_INS) + 3 and m["sealed"]["office_id"] == office.device_id

    # The office opens them; its data and change log are those of a clear import of the same writes.
    import_bundles(office, [full.path])
    with Store.open(clone_folder(demo_folder, tmp_path / "office-b", new_identity=False)) as other:
        enrol(other, laptop)
        import_bundles(other, [clear.path])
        assert dig(office) == dig(other)
        assert office.query(LOG) == other.query(LOG)
    walk_in = office.query("SELECT id FROM person WHERE first_name=?", (WALK_INS[0]["first_name"],))
    p = get_person(office, walk_in[0][0])
    assert (p["last_name"], p["phone"], p["citizen_id"]) == (
        WALK_INS[0]["last_name"], WALK_INS[0]["phone"], WALK_INS[0]["citizen_id"])
    assert office.scalar("SELECT COUNT(*) FROM amendment WHERE mover=? AND seconder=?", (MOVER, SECONDER)) == 1
    assert office.scalar("SELECT COUNT(*) FROM need WHERE raised_by=?", (RAISED_BY,)) == 1
    # The change log keeps the opened values, never a sealed line's text.
    assert office.scalar("SELECT COUNT(*) FROM change WHERE data LIKE '%\"~\"%'") == 0
    assert office.scalar("SELECT COUNT(*) FROM change WHERE data LIKE ?", (f"%{WALK_INS[1]['citizen_id']}%",)) == 1
    # The delta brings nothing new now, and importing the sealed file again changes nothing.
    before = dig(office)
    r = import_bundles(office, [delta.path, full.path])
    assert r.added == r.updated == r.merged == 0 and dig(office) == before


def test_what_is_sealed_and_what_stays_readable(field, tmp_path):
    laptop = field["laptop"]
    path = export_bundle(laptop, tmp_path / "d.lpbundle").path
    raw = zlib.decompress(zipfile.ZipFile(path).read(B.PAYLOAD)).decode()
    rows = [json.loads(x) for x in raw.splitlines()]
    sealed = {r[1]: r[5]["~"].split(":")[0] for r in rows if "~" in r[5]}
    assert set(sealed) == {"person", "amendment", "need"}
    assert sealed["amendment"] == "mover,seconder" and sealed["need"] == "raised_by"
    walk_in = next(r[5] for r in rows if r[1] == "person" and "citizen_id" in r[5]["~"])
    names = walk_in["~"].split(":")[0].split(",")
    assert set(names) == {"prefix", "first_name", "last_name", "organisation", "phone", "citizen_id", "note"}
    assert not set(names) & set(walk_in)  # a field is sealed or in clear, never both
    # What the counts need stays readable: participant type, tambon, consent, the badge code.
    assert walk_in["participant_type"] == "other" and walk_in["subdistrict_code"] == "520303"
    assert walk_in["consent"] is True and walk_in["code"]
    assert set(seal.PERSONAL_FIELDS["person"]) >= {"first_name", "last_name", "phone", "citizen_id"}


# --- only the office opens them ------------------------------------------------------------------------------------


def test_a_laptop_or_another_office_cannot_import_it_and_nothing_is_written(office, field, demo_folder, tmp_path,
                                                                            capsys):
    laptop, kit = field["laptop"], field["kit"]
    path = export_bundle(laptop, tmp_path / "d.lpbundle").path
    with laptop_from_kit(office, tmp_path / "laptop2", kit, "ทีมอำเภอเกาะคา 2") as other:
        enrol(other, laptop)  # a sibling laptop its office's kit named
        err = refused(other, path, {"not-office"})
        assert "สำนักงาน" in err.th and err.th.startswith(path.name)
        verify_bundle(other, path)  # its shape and signature check out there, unopened
        code = main(["--data-dir", str(other.data_dir), "bundle", "import", str(path)])
        assert code == 2
        line = capsys.readouterr().err.strip()
        assert line.startswith("ผิดพลาด:") and "(" in line and "office" in line
    # Another office: its own encryption key is not the one the bundle was sealed to.
    with Store.open(clone_folder(demo_folder, tmp_path / "office-2")) as office2:
        office2.set_device(role="office", name="สำนักงานอื่น")
        keys.load_box_key(office2.data_dir, create=True)
        enrol(office2, laptop)
        refused(office2, path, {"wrong-office"})
    verify_bundle(office, path)  # at the office it is opened too


def test_altered_ciphertexts_are_refused_before_anything_is_written(office, field, tmp_path):
    laptop = field["laptop"]
    path = export_bundle(laptop, tmp_path / "d.lpbundle").path
    key = device_key(laptop)
    control = resign(path, tmp_path / "control.lpbundle", key, edit_rows=lambda rows: None)

    def sealed_rows(rows):
        return [r for r in rows if "~" in r[5]]

    def flip(rows):
        r = sealed_rows(rows)[0]
        names, token = r[5]["~"].split(":")
        ct = bytearray(base64.b64decode(token))
        ct[len(ct) // 2] ^= 1
        r[5]["~"] = f"{names}:{base64.b64encode(bytes(ct)).decode()}"

    def swap(rows):
        a, b = (r for r in sealed_rows(rows) if r[1] == "person" and "citizen_id" in r[5]["~"])
        a[5]["~"], b[5]["~"] = b[5]["~"], a[5]["~"]

    def reorder(rows):
        r = next(r for r in sealed_rows(rows) if r[1] == "amendment")
        r[5]["~"] = r[5]["~"].replace("mover,seconder", "seconder,mover")

    def move_to_other_row(rows):
        r = next(r for r in sealed_rows(rows) if r[1] == "need")
        r[2] = r[2][:-1] + ("0" if r[2][-1] != "0" else "1")

    def unseal_one(rows):
        r = sealed_rows(rows)[0]
        del r[5]["~"]
        r[5].setdefault("deleted", False)

    for n, edit in enumerate((flip, swap, reorder, move_to_other_row, unseal_one)):
        bad = resign(path, tmp_path / f"bad{n}.lpbundle", key, edit_rows=edit)
        assert refused(office, bad, {"damaged"}).code == "damaged", edit.__name__
    other_key = keys.box_public_hex(keys.load_box_key(tmp_path / "k", create=True).public_key())
    for n, edit in enumerate((
        lambda m: m["sealed"].update(recipient=other_key),
        lambda m: m["sealed"].update(ephemeral=other_key),
        lambda m: m.update(format_version=1),
        lambda m: m["sealed"].update(scheme="rot13"),
    )):
        bad = resign(path, tmp_path / f"badm{n}.lpbundle", key, edit_manifest=edit)
        refused(office, bad, {"damaged", "wrong-office"})
    import_bundles(office, [control])  # the re-signing itself is sound: unaltered, it imports
    assert office.scalar("SELECT COUNT(*) FROM need WHERE raised_by=?", (RAISED_BY,)) == 1


# --- a laptop without the office's key -------------------------------------------------------------------------


def test_a_laptop_without_the_office_key_does_not_export_people_in_clear_unless_told(tmp_path, capsys):
    with new_device(tmp_path / "lone", "เครื่องไม่มีสำนักงาน") as lone:
        assert identity(lone).encryption_key == "" and not identity(lone).encrypts
        with lone.transaction() as tx:
            create_person(tx, WALK_INS[0])
        out = tmp_path / "out"
        out.mkdir()
        with pytest.raises(UserError) as err:
            export_bundle(lone, out)
        assert err.value.code == "clear-personal" and err.value.th.startswith("ส่งออกไม่ได้")
        assert list(out.iterdir()) == [] and lone.scalar("SELECT COUNT(*) FROM bundle_log") == 0
        code = main(["--data-dir", str(lone.data_dir), "bundle", "export", "--out", str(out)])
        assert code == 2 and capsys.readouterr().err.startswith("ผิดพลาด: ส่งออกไม่ได้")
        assert list(out.iterdir()) == []
        # Under a passphrase they are protected: allowed.
        protected = export_bundle(lone, out / "p.lpbundle", passphrase="ลำปาง-2559-เกาะคา")
        assert protected.protected and not protected.sealed
        assert leaks(protected.path, [WALK_INS[0]["first_name"], WALK_INS[0]["phone"]]) == []
        # Told to: in clear, with a warning.
        code = main(["--data-dir", str(lone.data_dir), "bundle", "export", "--full", "--clear", "--out",
                     str(out / "c.lpbundle"), "--json"])
        captured = capsys.readouterr()
        assert code == 0 and "คำเตือน" in captured.err and "NOT encrypted" in captured.err
        assert json.loads(captured.out)["sealed"] is False
        assert WALK_INS[0]["phone"] in leaks(out / "c.lpbundle", [WALK_INS[0]["phone"]])
    # Nothing personal to protect: exported as usual (check-ins, needs, workshops).
    with new_device(tmp_path / "lone2", "เครื่องที่สอง") as lone2:
        with lone2.transaction() as tx:
            wid = tx.insert("workshop", {"title": "เวทีประชาคม", "start_date": "2016-09-02"})
            tx.insert("need", {"workshop_id": wid, "title": "ซ่อมถนน"})
            tx.insert("person", {"participant_type": "other", "subdistrict_code": "520303"})
        r = export_bundle(lone2, out / "np.lpbundle")
        assert r.changes == 3 and not r.sealed and B.read_bundle(r.path).manifest["format_version"] == 1


def test_a_laptop_learns_the_office_key_from_its_next_kit(office, tmp_path):
    """A laptop that started from a kit made before encryption keys (its office section names none) refuses to export
    people in clear; the office's next kit gives it the key, and then its bundles are sealed."""
    wid = one_workshop(office)
    key = device_key(office)
    pub = keys.public_hex(key.public_key())
    rows = kits.kit_changes(office.db, [wid], office.scalar("SELECT MAX(rowid) FROM change"))
    old_kit = B.build_bundle(tmp_path / "old-kit.lpbundle", rows, key=key, kind="kit",
                             device={"id": office.device_id, "name": office.device_name, "role": "office"},
                             office={"id": office.device_id, "name": office.device_name, "public_key": pub}).path
    with new_device(tmp_path / "laptop", "ทีมเกาะคา") as laptop:
        import_bundles(laptop, [old_kit])
        enrol(office, laptop)
        assert laptop.office_device_id == office.device_id and identity(laptop).encryption_key == ""
        personal_writes(laptop, wid)
        with pytest.raises(UserError) as err:
            export_bundle(laptop, tmp_path)
        assert err.value.code == "clear-personal"
        new_kit = export_bundle(office, tmp_path / "new-kit.lpbundle", full=True, workshops=[wid]).path
        import_bundles(laptop, [new_kit])
        box = keys.box_public_hex(keys.load_box_key(office.data_dir).public_key())
        assert identity(laptop).encryption_key == box
        r = export_bundle(laptop, tmp_path / "d.lpbundle")
        assert r.sealed and leaks(r.path, [MOVER, WALK_INS[1]["citizen_id"]]) == []
    import_bundles(office, [r.path])
    assert office.scalar("SELECT COUNT(*) FROM amendment WHERE mover=?", (MOVER,)) == 1


# --- kits under a passphrase ---------------------------------------------------------------------------------------


@pytest.mark.production_scrypt
def test_a_kit_under_a_passphrase_opens_only_with_it(office, tmp_path, capsys):
    good, bad, short = tmp_path / "good.txt", tmp_path / "bad.txt", tmp_path / "short.txt"
    good.write_text("ลำปาง เกาะคา ๒๕๕๙\n", encoding="utf-8")
    bad.write_text("ลำปาง เกาะคา 2559\n", encoding="utf-8")
    short.write_text("1234\n", encoding="utf-8")
    kit = tmp_path / "kit.lpbundle"
    d = str(office.data_dir)
    assert main(["--data-dir", d, "bundle", "export", "--full", "--out", str(kit), "--passphrase-file", str(short)]) == 2
    assert "รหัสผ่านสั้นเกินไป" in capsys.readouterr().err and not kit.exists()
    assert main(["--data-dir", d, "bundle", "export", "--full", "--out", str(kit), "--passphrase-file", str(good),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["protected"] is True
    m = B.read_bundle(kit).manifest
    assert m["format_version"] == 2 and m["protected"]["kdf"] == "scrypt" and "sealed" not in m
    protected = m["protected"]  # the program's cost: 128 MiB (OWASP's scrypt minimum), a 16-byte salt
    assert (protected["n"], protected["r"], protected["p"], len(bytes.fromhex(protected["salt"]))) == (1 << 17, 8, 1, 16)
    assert leaks(kit, people_secrets(office)) == []  # the roster is inside, unreadable

    fresh = tmp_path / "laptop"
    assert main(["--data-dir", str(fresh), "bundle", "import", str(kit)]) == 2
    assert "รหัสผ่าน" in capsys.readouterr().err
    with Store.open(fresh) as laptop:
        empty = state(laptop)
        assert laptop.is_empty() and laptop.office_device_id is None
    assert main(["--data-dir", str(fresh), "bundle", "import", str(kit), "--passphrase-file", str(bad)]) == 2
    assert capsys.readouterr().err.startswith(f"ผิดพลาด: {kit.name}: รหัสผ่านไม่ถูกต้อง")
    with Store.open(fresh) as laptop:
        assert state(laptop) == empty
    assert main(["--data-dir", str(fresh), "bundle", "verify", str(kit), "--passphrase-file", str(good)]) == 0
    assert main(["--data-dir", str(fresh), "bundle", "import", str(kit), "--passphrase-file", str(good)]) == 0
    capsys.readouterr()
    with Store.open(fresh) as laptop:
        assert dig(laptop) == dig(office) and laptop.office_device_id == office.device_id
        assert identity(laptop).encryption_key == keys.box_public_hex(keys.load_box_key(office.data_dir).public_key())


def test_the_passphrase_is_compared_as_text_not_as_keystrokes(office, tmp_path):
    """The same passphrase typed on another system may arrive in another Unicode composition (é as one character or
    e + accent): normalised, it opens the kit."""
    wid = one_workshop(office)
    composed = unicodedata.normalize("NFC", "Café ลำปาง ๒๕๕๙")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    kit = export_bundle(office, tmp_path / "kit.lpbundle", full=True, workshops=[wid], passphrase=composed).path
    with new_store(tmp_path / "laptop") as laptop:
        refused(laptop, kit, {"passphrase-needed"})
        refused(laptop, kit, {"bad-passphrase"}, passphrase=composed.upper())
        import_bundles(laptop, [kit], passphrase=decomposed)
        assert laptop.scalar("SELECT COUNT(*) FROM workshop") == 1


# --- compatibility -------------------------------------------------------------------------------------------------


def test_a_format_1_bundle_from_the_previous_version_still_imports(office, tmp_path):
    b = B.read_bundle(FORMAT1)
    assert b.manifest["format_version"] == 1 and b.sealed is None and b.protected is None
    with new_store(tmp_path / "fresh") as fresh:  # a stranger's file: accepted with the PIN (issue #13)
        set_pin(fresh, "2468")
        r = import_bundles(fresh, [FORMAT1], accept_signers=True, pin="2468")
        assert r.added == 3 and r.updated == 0
    set_pin(office, "2468")
    r = import_bundles(office, [FORMAT1], accept_signers=True, pin="2468")
    pid = office.scalar("SELECT id FROM person WHERE citizen_id='3520300123457'")
    p = get_person(office, pid)
    assert p["phone"] == "0891234500" and p["citizen_id"] == "3520300123457"
    assert office.scalar("SELECT COUNT(*) FROM attendance WHERE person_id=?", (pid,)) == 1


def test_a_newer_format_is_still_refused(office, field, tmp_path):
    path = export_bundle(field["laptop"], tmp_path / "d.lpbundle").path
    bad = resign(path, tmp_path / "newer.lpbundle", device_key(field["laptop"]),
                 edit_manifest=lambda m: m.update(format_version=B.FORMAT_VERSION + 1))
    refused(office, bad, {"newer-format"})


def test_keys_stay_in_their_folders(office, field, tmp_path):
    """Only an office has an encryption key file; it is private (0600) and the laptop holds just the public half."""
    laptop = field["laptop"]
    assert keys.load_box_key(laptop.data_dir) is None and not keys.box_key_path(laptop.data_dir).exists()
    assert keys.box_key_path(office.data_dir).stat().st_mode & 0o777 == 0o600
    with new_device(tmp_path / "to-be-office", "สำนักงานใหม่") as s:
        kits.set_role(s, kits.OFFICE)  # becoming an office makes the key
        assert keys.load_box_key(s.data_dir) is not None
