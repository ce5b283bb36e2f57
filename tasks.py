"""Set up and run kzsupport with nothing but Python 3.10+: ``python3 tasks.py run`` / ``test``.

Every task creates (or refreshes) the virtual environment ``.venv`` it needs first, so a fresh clone
needs no other tool. ``make run``/``make test`` are aliases for the same tasks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"


def sh(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT)
    if code:
        sys.exit(code)


def ensure_venv() -> None:
    """Create .venv and install the package with its dev tools when setup.cfg changed."""
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    inputs = (ROOT / "setup.cfg", ROOT / "pyproject.toml")
    if STAMP.exists() and all(p.stat().st_mtime <= STAMP.stat().st_mtime for p in inputs):
        return
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.touch()


def run() -> None:
    """The main job on the bundled data: the national lines, then the services of one region."""
    sh(BIN / "kzsupport", "hotlines")
    sh(BIN / "kzsupport", "find", "--region", "almaty")


def test() -> None:
    """Lint, types, README freshness and the whole test suite (what CI runs)."""
    sh(BIN / "ruff", "check", ".")
    sh(BIN / "mypy")
    sh(BIN / "python", "-m", "pytest", *sys.argv[2:])


def catalogs() -> None:
    """Re-extract messages, update kk and ru, generate kk_Latn, compile .mo."""
    sh(BIN / "python", "scripts/catalogs.py")


def readme() -> None:
    """Regenerate the --help sections of README.md from the commands themselves."""
    sh(BIN / "cog", "-r", "-I", "scripts", "README.md")


TASKS = {"run": run, "test": test, "catalogs": catalogs, "readme": readme}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit("usage: python3 tasks.py {" + "|".join(TASKS) + "} [pytest arguments]")
    ensure_venv()
    TASKS[sys.argv[1]]()
