import itertools
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lampang_planner.core.thai.segment import broken_words, clusters, min_width, words, wrap_to_width

SEED = Path("/work/shared/seed/lp-pao-press-release-2559-08-25.txt")
SAMPLE = (
    "วันที่ ๒๕ สิงหาคม ๒๕๕๙ อบจ.ลำปาง ได้จัดโครงการประชุมเชิงปฏิบัติการด้านการจัดทำแผนพัฒนาให้กับประชาชน"
    "ผู้เป็นสมาชิกสภาเครือข่ายพลเมืองจังหวัดลำปางและสภาองค์กรชุมชนตำบล เพื่อส่งเสริม พัฒนา ให้ความรู้"
)
COMBINING = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def columns(s: str) -> float:
    """A stand-in for stringWidth: one unit per spacing character, marks take no room."""
    return float(sum(unicodedata.category(c) != "Mn" for c in s))


def paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else SAMPLE
    return [p.strip() for p in text.splitlines() if p.strip()]


def word_across(paragraph: str, lines: list[str], i: int) -> str:
    """The word of `paragraph` that the end of line `i` falls inside."""
    position = 0
    for line in lines[: i + 1]:
        position = paragraph.index(line, position) + len(line)
    start = 0
    for word in words(paragraph):
        if start < position < start + len(word):
            return word
        start += len(word)
    raise AssertionError("the line ends on a word boundary")


def test_words_segments_thai_without_losing_anything():
    tokens = words(SAMPLE)
    assert "".join(tokens) == SAMPLE
    assert "สิงหาคม" in tokens and "ลำปาง" in tokens and " " in tokens
    tokens.append("mutated")  # the cache must hand out copies
    assert "mutated" not in words(SAMPLE)


def test_clusters_keep_marks_with_their_consonant():
    assert clusters("น้ำที่ผู้เกี่ยว") == ["น้ำ", "ที่", "ผู้", "เกี่", "ย", "ว"]
    assert "".join(clusters("abc ก่า")) == "abc ก่า"


@pytest.mark.parametrize("width", [8, 12, 20, 33, 50])
def test_wrapped_lines_fit_and_keep_all_text(width):
    for paragraph in paragraphs():
        lines = wrap_to_width(paragraph, width, columns)
        assert all(columns(line) <= width for line in lines)
        assert all(line == line.strip() for line in lines)
        assert "".join(lines).replace(" ", "") == paragraph.replace(" ", "")


@pytest.mark.parametrize("width", [12, 20, 33, 50])
def test_no_line_ends_inside_a_word(width):
    for paragraph in paragraphs():
        lines = wrap_to_width(paragraph, width, columns)
        broken = broken_words(lines, source=paragraph)
        # only a word wider than the whole line may be split (e.g. องค์การบริหารส่วนจังหวัด at 12 columns)
        for i in broken:
            word = word_across(paragraph, lines, i)
            assert columns(word) > width, (lines[i], lines[i + 1], word)


def test_lines_are_filled_greedily():
    lines = wrap_to_width(SAMPLE, 30, columns)
    position = 0
    for line, following in itertools.pairwise(lines):
        position = SAMPLE.index(line, position) + len(line)
        gap = SAMPLE[position : SAMPLE.index(following, position)]
        first_word = next(w for w in words(following) if w.strip())
        assert columns(line + gap + first_word) > 30  # the next word really did not fit


def test_spaces_are_break_opportunities_and_dropped_at_line_ends():
    assert wrap_to_width("aaa bbb ccc", 7, columns) == ["aaa bbb", "ccc"]
    assert wrap_to_width("  aaa   bbb  ", 3, columns) == ["aaa", "bbb"]


def test_newlines_force_breaks_and_empty_lines_survive():
    assert wrap_to_width("ก\n\nข", 10, columns) == ["ก", "", "ข"]
    assert wrap_to_width("ก\r\nข", 10, columns) == ["ก", "ข"]


def test_first_line_width_for_indents():
    lines = wrap_to_width(SAMPLE, 30, columns, first_line_width=20)
    assert columns(lines[0]) <= 20 and columns(lines[1]) > 20


def test_over_long_word_is_split_between_clusters_never_before_a_mark():
    word = "ประชุมเชิงปฏิบัติการ"
    lines = wrap_to_width(word, 3, columns)
    assert "".join(lines) == word
    assert all(columns(line) <= 3 for line in lines)
    assert not any(COMBINING.match(line) for line in lines)


def test_over_long_compound_prefers_dictionary_words():
    # newmm treats the PAO's name as one word; split it into its parts rather than mid-word
    assert wrap_to_width("องค์การบริหารส่วนจังหวัดลำปาง", 15, columns) == ["องค์การบริหารส่วน", "จังหวัดลำปาง"]


def test_punctuation_stays_with_its_word():
    lines = wrap_to_width("ลำปาง (ประเทศไทย), ลำพูน", 8, columns)
    assert not any(line[0] in ".,)" for line in lines)
    assert not any(line.endswith("(") for line in lines)


def test_broken_words_detects_a_break_inside_a_word():
    assert broken_words(["จัดประชุมเชิงปฏิ", "บัติการ"]) == [0]
    assert broken_words(["จัดประชุม", "เชิงปฏิบัติการ"]) == []
    assert broken_words(["hello", "world"]) == []  # a break between Latin words was a space
    assert broken_words(["ลำปาง"]) == []


def test_broken_words_against_the_source_text():
    source = "ตามแผนพัฒนา การขับเคลื่อนแผน"
    lines = ["ตามแผนพัฒนา", "การขับเคลื่อนแผน"]
    # joined without the space, พัฒนา + การ reads as พัฒนาการ: only the source knows there was a space
    assert broken_words(lines) == [0]
    assert broken_words(lines, source=source) == []
    assert broken_words(["ตามแผนพัฒ", "นา การขับเคลื่อนแผน"], source=source) == [0]


def test_broken_words_tolerates_pdf_extraction_quirks():
    source = "อบจ.ลำปาง จัดประชุมเชิงปฏิบัติการ ด้านการจัดทำแผนพัฒนา"
    extracted = [" อบจ.ลํา ปาง", "จัดประชุมเชิงปฏิบัติการ ด้าน", "การจัดทําแผนพัฒนา"]  # ำ as ํ + า, stray spaces
    assert broken_words(extracted, source=source) == []
    with pytest.raises(ValueError):
        broken_words(["อบจ.ลำปาง", "ประชุม"], source=source)


def test_min_width_is_the_widest_word():
    assert min_width("ก ขขข คค", columns) == 3


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=4, max_value=60), st.sampled_from(range(6)))
def test_wrap_never_loses_text_or_overflows(width, which):
    paragraph = (paragraphs() * 6)[which]
    lines = wrap_to_width(paragraph, width, columns)
    assert "".join(lines).replace(" ", "") == paragraph.replace(" ", "")
    # a line can only overflow when it is a single cluster wider than the line
    assert all(columns(line) <= width or len(clusters(line)) == 1 for line in lines)


def test_lampang_place_names_are_single_words_so_lines_never_break_inside_them():
    from lampang_planner.core.thai.segment import words

    assert words("ตำบลวังเหนือ อำเภอเกาะคา")[:2] == ["ตำบล", "วังเหนือ"]
    assert "เกาะคา" in words("ตำบลวังเหนือ อำเภอเกาะคา")
    assert "บ้านแลง" in words("บ้านแลง")
