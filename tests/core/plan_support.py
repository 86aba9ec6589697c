"""Shared by the plan tests: a plan with proposals made from demo needs, and LibreOffice with the bundled Sarabun."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from office_fonts import fontconfig_file

from lampang_planner.core.ops.needs import list_needs
from lampang_planner.core.plan.proposals import proposal_from_need, update_proposal
from lampang_planner.core.plan.settings import set_plan

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
GROUPS = [
    ("1", "2", "การพัฒนาโครงสร้างพื้นฐาน", "อุตสาหกรรมและการโยธา", "กองช่าง"),
    ("1", "2", "การพัฒนาโครงสร้างพื้นฐาน", "การเกษตร", "กองส่งเสริมการเกษตร"),
    ("3", "4", "การพัฒนาคุณภาพชีวิต", "สาธารณสุข", "กองสาธารณสุข"),
]


def budgets_of(i: int) -> dict[int, int]:
    return {2566 + i % 5: 100_000 * (i + 1), 2568: 50_000}


def make_plan(store, n: int = 12) -> list[str]:
    """A 2566–2570 plan (addition 1/2567): ``n`` needs become projects over three strategy/แผนงาน groups; every
    fourth one comes from a community plan (ผ.02/1)."""
    set_plan(store, first_year=2566, years=5, edition="เพิ่มเติม ครั้งที่ 1/2567")
    ids = []
    for i, need in enumerate(list_needs(store)[:n]):
        pid = proposal_from_need(store, need.id)
        province, area, strategy, work_plan, division = GROUPS[i % 3]
        update_proposal(store, pid, {
            "province_strategy": province, "area_strategy": area, "strategy": strategy, "work_plan": work_plan,
            "budgets": budgets_of(i), "kpi": "ร้อยละ 80 ของครัวเรือนได้ใช้ประโยชน์",
            "expected_result": "ประชาชนเดินทางสะดวกขึ้น", "division": division, "output_qty": 500 + i,
            "output_unit": "เมตร", "status": "in_plan", "community_plan": i % 4 == 0,
        })
        ids.append(pid)
    return ids


def soffice() -> str:
    """LibreOffice, which CI installs (scripts/setup.sh with LAMPANG_SETUP_FOR_TESTS=1): missing in CI is a failure."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def lo_convert(src: Path, fmt: str, outdir: Path) -> Path:
    """Convert ``src`` with LibreOffice (its own profile, Sarabun from resources/fonts); returns the new file."""
    conf = fontconfig_file(outdir)  # Sarabun, and a stand-in of the workbooks' TH SarabunPSK at its size
    target = outdir / "converted"
    target.mkdir(exist_ok=True)
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(outdir)}
    proc = subprocess.run(
        [soffice(), f"-env:UserInstallation={(outdir / 'lo-profile').as_uri()}", "--headless", "--convert-to", fmt,
         "--outdir", str(target), str(src)],
        capture_output=True, text=True, timeout=240, env=env,
    )
    out = target / f"{src.stem}.{fmt}"
    assert proc.returncode == 0 and out.is_file(), proc.stdout + proc.stderr
    return out
