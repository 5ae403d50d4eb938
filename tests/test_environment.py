"""The pinned environment: constraints.txt pins every package the project installs."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest

from analysis import paths

CONSTRAINTS = paths.ROOT / "constraints.txt"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def pins() -> dict[str, str]:
    """Package name (normalised) -> pinned version, from constraints.txt."""
    out = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not pinned with =="
            out[_name(name)] = version.strip()
    return out


def test_every_declared_dependency_is_pinned() -> None:
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        declared += extra
    missing = sorted({_name(r) for r in declared} - set(pins()))
    assert not missing, f"not in constraints.txt (run scripts/update-constraints): {missing}"


def test_installed_versions_are_the_pinned_ones() -> None:
    """Scores and figures are byte-stable only with these versions: a drift is reported."""
    drift = []
    for name, version in pins().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # platform-specific pins (absent here) are not a drift
        if installed != version:
            drift.append(f"{name} {installed} (pinned {version})")
    if drift:
        pytest.fail("installed versions differ from constraints.txt: " + ", ".join(drift))
