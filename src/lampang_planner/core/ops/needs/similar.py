"""Needs that may be the same request, by the words of their titles in the same tambon."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lampang_planner.core.db import Store
from lampang_planner.core.ops.needs.rows import SIMILARITY_THRESHOLD, SimilarNeed
from lampang_planner.core.ops.needs.validation import _text
from lampang_planner.core.refdata import divisions
from lampang_planner.core.thai.collation import fold_for_search, thai_sort_key
from lampang_planner.core.thai.segment import words

# --- similar needs -----------------------------------------------------------------------------------------------

_STOP_WORDS = frozenset(
    fold_for_search(w)
    for w in "และ ที่ ใน ของ ให้ การ ความ เพื่อ กับ จาก ขอ โดย แก่ ต่อ ไม่ ได้ มี เป็น เรื่อง โครงการ หมู่ หมู่ที่ ที ต "
    "ตำบล อ อำเภอ ม จ จังหวัด บ้าน ชุมชน".split()
)
# Words that say what is to be done rather than to what: they count, but less (สร้างถนน is not like สร้างฝาย).
_WEAK_WORDS = frozenset(
    fold_for_search(w)
    for w in "สร้าง ซ่อม ซ่อมแซม ปรับปรุง ส่งเสริม พัฒนา ติดตั้ง จัดทำ จัด ทำ แก้ ปัญหา แก้ปัญหา ขยาย ระบบ หมู่บ้าน "
    "สาย เข้า ฟื้นฟู สนับสนุน เพิ่ม ใหม่".split()
)
WEAK_WEIGHT = 0.4
_TRIM = " .,;:!?()[]{}\"'“”‘’-–/\\|*+"


@lru_cache(maxsize=8192)
def title_tokens(title: str, tambon_name: str = "") -> frozenset[str]:
    """The words of a title that carry its meaning: segmented (newmm), folded (no tone marks, Arabic digits), without
    common function words, numbers and the tambon's own name."""
    text = unicodedata.normalize("NFC", title or "")
    if tambon_name:
        text = re.sub(rf"(ต\.|ตำบล)?\s*{re.escape(tambon_name)}", " ", text)
    out = set()
    for w in words(text):
        f = fold_for_search(w).strip(_TRIM)
        if not f or f in _STOP_WORDS or f.isdigit() or not any(c.isalnum() for c in f):
            continue
        out.add(f)
    return frozenset(out)


def _weight(word: str) -> float:
    return WEAK_WEIGHT if word in _WEAK_WORDS else 1.0


def _matches(a: str, others: frozenset[str]) -> bool:
    if a in others:
        return True
    return any(min(len(a), len(b)) >= 3 and (a in b or b in a) for b in others)


def title_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two titles' words are, 0–1: the mean of a weighted Dice coefficient (the weight of the words of each
    title found in the other, over the weight of all) and a weighted overlap coefficient (the share of the shorter
    title found in the longer, so that ห้องสมุดชุมชน still looks like ห้องสมุดและอินเทอร์เน็ตสำหรับเด็ก). A word also
    matches a longer word containing it (ซ่อม ~ ซ่อมแซม, ประปา ~ น้ำประปา), since the segmenter does not always cut
    compounds the same way; words of doing (สร้าง, ซ่อม…) weigh less."""
    if not a or not b:
        return 0.0
    hits_a = sum(_weight(x) for x in a if _matches(x, b))
    hits_b = sum(_weight(y) for y in b if _matches(y, a))
    wa, wb = sum(map(_weight, a)), sum(map(_weight, b))
    dice = (hits_a + hits_b) / (wa + wb)
    overlap = hits_a / wa if wa <= wb else hits_b / wb
    return (dice + overlap) / 2


def similar_needs(store: Store, subdistrict_code: str | None, title: str, exclude_id: str | None = None,
                  *, threshold: float = SIMILARITY_THRESHOLD) -> list[SimilarNeed]:
    """Live needs already raised in the same tambon whose titles look like ``title``, most alike first."""
    if not subdistrict_code or not _text(title):
        return []
    sub = divisions().subdistricts.get(subdistrict_code)
    tambon = sub.name_th if sub else ""
    mine = title_tokens(_text(title), tambon)  # type: ignore[arg-type]
    folded = fold_for_search(_text(title) or "")
    out = []
    rows = store.db.execute(
        "SELECT id, title, workshop_id, status, village_no FROM need WHERE deleted=0 AND subdistrict_code=?",
        (subdistrict_code,),
    )
    for nid, other, wid, status, village in rows:
        if nid == exclude_id or not other:
            continue
        score = 1.0 if fold_for_search(other) == folded else title_similarity(mine, title_tokens(other, tambon))
        if score >= threshold:
            out.append(SimilarNeed(nid, other, round(score, 3), wid or "", status or "", village or ""))
    out.sort(key=lambda s: (-s.score, thai_sort_key(s.title), s.id))
    return out
