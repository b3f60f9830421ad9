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
