import shutil
from pathlib import Path

from click.testing import CliRunner

import kg
from kg.cli import main


def test_every_command_has_help():
    runner = CliRunner()
    for name, cmd in main.commands.items():
        assert cmd.help, name
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0 and "Usage" in res.output


def test_query_cli_matches_api(seed_build):
    out, _ = seed_build
    res = CliRunner().invoke(main, ["query", "who-met-whom", "--graph", str(out), "--param", "person=吉林", "--format", "csv"])
    assert res.exit_code == 0
    lines = res.output.strip().splitlines()
    assert lines[0].startswith("date,person,personName,counterpart")
    assert len(lines) - 1 == len(kg.run_query("who-met-whom", out, {"person": "吉林"}).rows) == 1


def test_missing_graph_is_a_clean_error(tmp_path):
    res = CliRunner().invoke(main, ["query", "who-met-whom", "--graph", str(tmp_path)])
    assert res.exit_code == 3 and "kg build" in res.output


def test_a_missing_source_is_a_clean_error_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(tmp_path / "no-such-folder"), "--out", str(out)])
    assert res.exit_code == 2 and "[E003]" in res.output and "no-such-folder" in res.output
    assert not out.exists()


def test_public_api():
    assert set(kg.__all__) == {n for n in dir(kg) if not n.startswith("_")} & set(kg.__all__)
    for name in kg.__all__:
        assert hasattr(kg, name)


def test_reading_a_build_does_not_load_the_pipeline():
    """``kg query``, ``view``, ``export`` and ``serve`` start without spaCy and jieba (half of a query's time)."""
    import subprocess
    import sys

    code = (
        "import sys, kg, kg.cli, kg.query, kg.views, kg.export, kg.serve, kg.evaluate\n"
        "assert not {'spacy', 'jieba'} & set(sys.modules), sorted({'spacy', 'jieba'} & set(sys.modules))\n"
        "import kg.extract.document\n"
        "assert kg.extract is kg.build.__globals__['extract'], kg.extract  # still the function, not the package\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ``color=True``: the output a terminal gets (click strips ANSI styles only from output that goes elsewhere).

ESC = "\x1b[31m"


def test_deeply_nested_rq_file_is_a_clean_query_error(seed_build, tmp_path):
    out, _ = seed_build
    for i, text in enumerate(["SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000,
                              "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"]):
        rq = tmp_path / f"deep{i}.rq"
        rq.write_text(text, encoding="utf-8")
        res = CliRunner().invoke(main, ["query", str(rq), "--graph", str(out)])
        assert res.exit_code == 4 and "[E020]" in res.output and "nested" in res.output, res.output
        assert res.exception is None or isinstance(res.exception, SystemExit)


def test_query_table_shows_escape_sequences_as_text(seed_build, tmp_path):
    out, _ = seed_build
    rq = tmp_path / "escape.rq"
    # ESC and BEL as they are in the file; a carriage return as SPARQL's escape (no short string holds one).
    rq.write_text(f'SELECT ?x WHERE {{ BIND("red{ESC}text\x07\\r" AS ?x) }}', encoding="utf-8")
    table = CliRunner().invoke(main, ["query", str(rq), "--graph", str(out)], color=True)
    assert table.exit_code == 0 and "\x1b" not in table.output and "\r" not in table.output
    assert "red\\x1b[31mtext\\x07" in table.output  # (a carriage return, a line break, shows as a space)
    csv = CliRunner().invoke(main, ["query", str(rq), "--graph", str(out), "--format", "csv"], color=True)
    assert csv.exit_code == 0 and f"red{ESC}text\x07" in csv.output  # data formats keep the value as it is


def test_build_summary_shows_escape_sequences_in_file_names_as_text(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(min(seeds.glob("*.txt"), key=lambda p: p.stat().st_size), src)
    (src / f"bad{ESC}name.txt").write_bytes(b"")  # empty: skipped, and named in the summary with its reason
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "out"), "--no-store"], color=True)
    assert res.exit_code == 8, res.output
    assert "\x1b" not in res.output and "bad\\x1b[31mname.txt" in res.output
