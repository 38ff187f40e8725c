"""Where the bundled ``factors/`` data packages live.

In a built wheel they are shipped inside the package as ``carbonfoot/_factors``;
in a source checkout (editable install) they are the repository's ``factors/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from carbonfoot.errors import DataError

__all__ = ["factors_dir"]


@cache
def factors_dir() -> Path:
    """Return the folder holding the bundled emission-factor data packages."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_factors", here.parent.parent / "factors"):
        if (candidate / "registry.yaml").is_file():
            return candidate
    raise DataError(
        f"carbonfoot's bundled factors/ folder was not found next to {here} "
        "(looked for _factors/registry.yaml in the package and factors/registry.yaml "
        "in the source tree); reinstall carbonfoot"
    )
