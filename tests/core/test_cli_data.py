"""`demo`, `info`, `workshop list`, `people list` as an office script would use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from lampang_planner.cli import main


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_then_info_gives_the_promised_figures(demo_dir, capsys):
    code, out, _ = run_cli(capsys, "info", "--json", "--data-dir", str(demo_dir))
    assert code == 0
    info = json.loads(out)
    c = info["counts"]
    assert c["districts"] == 13 and c["subdistricts"] == 100
    assert c["workshops"] == 14
    assert c["people"] >= 600
    for key in ("invitations", "attendance", "needs", "resolutions", "clauses", "amendments", "votes", "conflicts"):
        assert key in c
    assert c["needs"] > 0 and c["clauses"] > 0 and c["amendments"] > 0 and c["votes"] > 0
    assert len(info["digest"]) == 64

    code, out, _ = run_cli(capsys, "workshop", "list", "--json", "--data-dir", str(demo_dir))
    workshops = json.loads(out)
    main_ws = [w for w in workshops if w["start_date"] == "2016-08-25"]
    assert len(main_ws) == 1 and main_ws[0]["attended"] == 600 and main_ws[0]["invited"] == 600
    assert main_ws[0]["district_code"] == "5203"
    visits = [w for w in workshops if w["start_date"] != "2016-08-25"]
    assert len(visits) == 13 and len({w["district_code"] for w in visits}) == 13
    assert all("2016-08-30" <= w["start_date"] <= "2016-09-21" for w in visits)
    assert all(40 <= w["invited"] <= 120 and w["attended"] < w["invited"] for w in visits)

    code, out, _ = run_cli(
        capsys, "people", "list", "--workshop", main_ws[0]["id"], "--json", "--data-dir", str(demo_dir)
    )
    people = json.loads(out)
    assert len(people) == 600
    assert set(people[0]) >= {
        "id",
        "code",
        "prefix",
        "first_name",
        "last_name",
        "organisation",
        "participant_type",
        "subdistrict_code",
    }
    assert len({p["code"] for p in people}) == 600
    assert len({p["participant_type"] for p in people}) == 7
    assert len({p["subdistrict_code"][:4] for p in people}) == 13  # the whole province


def test_two_demo_folders_have_the_same_digest(tmp_path, demo_folder, capsys):
    run_cli(capsys, "demo", "--data-dir", str(tmp_path / "second"))
    _, a, _ = run_cli(capsys, "info", "--json", "--data-dir", str(tmp_path / "second"))
    _, b, _ = run_cli(capsys, "info", "--json", "--data-dir", str(demo_folder))
    assert json.loads(a)["digest"] == json.loads(b)["digest"]


def test_demo_refuses_a_folder_that_holds_data(demo_dir, capsys):
    _, before, _ = run_cli(capsys, "info", "--json", "--data-dir", str(demo_dir))
    code, _, err = run_cli(capsys, "demo", "--data-dir", str(demo_dir))
    assert code == 2 and "มีข้อมูลอยู่แล้ว" in err and "already holds data" in err
    _, after, _ = run_cli(capsys, "info", "--json", "--data-dir", str(demo_dir))
    assert json.loads(before)["digest"] == json.loads(after)["digest"]


def test_bad_input_gives_a_one_line_reason_and_a_non_zero_exit(tmp_path, demo_dir, capsys):
    code, _, err = run_cli(capsys, "info", "--data-dir", str(tmp_path / "nothing-here"))
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _, err = run_cli(capsys, "people", "list", "--workshop", "no-such-id", "--data-dir", str(demo_dir))
    assert code == 2 and "No workshop" in err


def test_environment_variable_names_the_data_folder_for_the_installed_command(demo_dir):
    env = {**os.environ, "LAMPANG_PLANNER_HOME": str(demo_dir)}
    out = subprocess.run(
        [sys.executable, "-m", "lampang_planner", "info", "--json"], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out)["counts"]["workshops"] == 14


def test_data_dir_may_come_before_the_command_word(capsys, demo_dir):
    code, before_word, _ = run_cli(capsys, "--data-dir", str(demo_dir), "info", "--json")
    assert code == 0
    _, after_word, _ = run_cli(capsys, "info", "--json", "--data-dir", str(demo_dir))
    assert json.loads(before_word) == json.loads(after_word)
    assert json.loads(before_word)["counts"]["people"] > 0
