"""Every sentence code shows a learner comes from the messages catalogue, and every key it asks for exists."""

import re
from pathlib import Path

from critical_reading.messages import catalogue

PACKAGE = Path(__file__).resolve().parent.parent / "critical_reading"
#: say("file.key", ...) with a literal key.
LITERAL_KEY = re.compile(r"""\bsay\(\s*["']([\w.]+)["']""")


def test_every_literal_key_is_in_the_english_catalogue():
    known = catalogue("en")
    missing = []
    for path in PACKAGE.rglob("*.py"):
        for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8")):
            if key not in known:
                missing.append(f"{path.name}: {key}")
    assert not missing, missing


def test_generated_statement_templates_fill_from_data():
    """The statement's sentences are templates in the catalogue, not text in code."""
    source = (PACKAGE / "statements.py").read_text(encoding="utf-8")
    assert "Using the outside estimates" not in source and "statements.lead" in source
    assert "Using the outside estimates" in catalogue("en")["statements.lead"]
