"""Every Python block in docs/ is executed at build time (markdown-exec) and here by pytest."""

from __future__ import annotations

import contextlib
import io
import re
import runpy
from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"
FENCE = re.compile(r"^```python([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str, str]]:
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        for number, match in enumerate(FENCE.finditer(page.read_text(encoding="utf-8")), 1):
            found.append((f"{page.relative_to(DOCS)}#{number}", match.group(1), match.group(2)))
    return found


BLOCKS = _blocks()


def test_docs_have_python_examples() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize(("where", "options", "code"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_block_runs(where: str, options: str, code: str, tmp_path: Path) -> None:
    assert 'exec="on"' in options, f"{where}: python block not executed by the docs build"
    script = tmp_path / "block.py"
    script.write_text(code, encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()) as out:
        runpy.run_path(str(script), run_name="__main__")
    # every example shows its result; an empty output means the example no longer shows
    # what the page says it does (e.g. an error it demonstrates is not raised any more)
    assert out.getvalue().strip(), f"{where}: the block printed nothing"


def test_readme_example_runs_and_prints_what_it_says(tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    (code,) = [m.group(2) for m in FENCE.finditer(readme)]
    script = tmp_path / "readme.py"
    script.write_text(code, encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()) as out:
        runpy.run_path(str(script), run_name="__main__")
    printed = out.getvalue()
    assert "273.0 t CO2e (AR6GWP100)" in printed
    assert "needs a GWP metric" in printed
    assert "0.6553 kg CO2 / kWh [cn-grid-2023-CN-AH-avg" in printed
    assert "22.27718809 t CO2e (AR6GWP100)" in printed  # 21.621888 + 0.6553
