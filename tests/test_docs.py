"""README.md: its --help sections are generated from the commands and must not go stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_command_reference_is_current() -> None:
    cog = Path(sys.executable).parent / "cog"
    result = subprocess.run(
        [str(cog), "--check", "-I", "scripts", "README.md"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, "README.md is stale: run python3 tasks.py readme\n" + result.stderr


def test_readme_opens_with_the_two_commands_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "python3 tasks.py run" in first_block and "python3 tasks.py test" in first_block
    assert "python3 tasks.py test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
