"""Every environment variable the deployment guide and the example environment file name
is one the code reads: a misspelt variable there would be silently ignored."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "src" / "vinhdanh").glob("**/*.py"))
READ = re.compile(r"""(?:env\.\w+|\binteger|\bstring|\bboolean|os\.environ\.get|getenv)"""
                  r"""\(\s*["']([A-Z][A-Z0-9_]+)["']""")
DOCUMENTED = re.compile(r"`([A-Z][A-Z0-9_]{2,})[`=]")
ASSIGNED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]{2,})=", re.MULTILINE)


def _read_by_code() -> set[str]:
    return {name for path in SOURCES for name in READ.findall(path.read_text("utf-8"))}


def _named(text: str, pattern: re.Pattern) -> set[str]:
    # NAME_FILE is NAME read from a file (env.py).
    return {name.removesuffix("_FILE") for name in pattern.findall(text)}


def test_code_reads_the_settings_variables():
    assert {"SECRET_KEY", "DATABASE_URL", "HTTPS", "PROXY_COUNT", "BACKUP_DIR"} <= _read_by_code()


def test_example_environment_names_only_variables_the_code_reads():
    text = (ROOT / "deploy" / "vinhdanh.env.example").read_text("utf-8")

    assert _named(text, ASSIGNED) - _read_by_code() == set()
    assert len(_named(text, ASSIGNED)) > 20


def test_deployment_guide_names_only_variables_the_code_reads():
    text = (ROOT / "docs" / "deployment.md").read_text("utf-8")

    assert _named(text, DOCUMENTED) - _read_by_code() == set()
    assert {"SECRET_KEY", "DATABASE_REPLICA_URL", "CACHE_BACKEND"} <= _named(text, DOCUMENTED)
