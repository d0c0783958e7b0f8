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


def real_path(path: Path) -> Path:
    """A symlinked database is the file it points to: saves replace the target, not the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def read_only_reason(path: Path, lock: Path) -> str | None:
    """Why the database at `path` must not be written (in the reader's language), or None.
    Checked at start-up, so nothing is lost later at the first save."""
    folder = path.parent
    if not folder.is_dir():
        return f"数据库所在的文件夹 {folder} 不存在，也无法创建"
    if not _may_write(folder, os.W_OK | os.X_OK):
        return f"数据库所在的文件夹 {folder} 不可写"
    if path.exists() and not _may_write(path, os.W_OK):
        return f"数据库文件 {path} 是只读的（权限 {_mode(path)}）"
    if lock.exists() and not _may_write(lock, os.W_OK):
        return f"数据库的锁文件 {lock} 不可写"
    return None


def _may_write(path: Path, access: int) -> bool:
    """Whether jingdu may write `path`. The OS decides, and the mode bits too, even for root
    (who could write anyway): `chmod a-w` is how a person says 'leave this alone'."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if not os.access(path, access):  # permissions, ACLs, a read-only file system
        return False
    return not _is_root() or bool(mode & 0o222)


def _is_root() -> bool:
    """True for the superuser, whom os.access allows every write."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _mode(path: Path) -> str:
    """Permission bits as `ls` users know them: 444."""
    try:
        return f"{os.stat(path).st_mode & 0o777:03o}"
    except OSError:
        return "?"
