"""The bundled seed article, shipped inside the package so `jingdu` works from any directory."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

SEED_NAME = "000_ae48cb718f3105d7.txt"


def seed_path() -> Path:
    """Path of the bundled seed article on disk."""
    resource = files(__name__).joinpath(SEED_NAME)
    with as_file(resource) as path:
        return Path(path)
