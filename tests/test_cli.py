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
