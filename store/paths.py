"""Where the notes database lives: --db, then $JINGDU_DB, then the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "jingdu"
DB_FILENAME = "notes.json"
ENV_VAR = "JINGDU_DB"


def default_db_path() -> Path:
    """The per-user database, so notes follow the user and not the current directory."""
    from platformdirs import user_data_dir  # only when neither --db nor JINGDU_DB is given

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | None) -> Path:
    """Apply the contract's precedence: --db wins over $JINGDU_DB over the default."""
    for value in (cli_value, os.environ.get(ENV_VAR)):
        if value:
            return Path(value).expanduser()
    return default_db_path()
