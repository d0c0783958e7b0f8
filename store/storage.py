"""A TinyDB storage that cannot lose data: atomic replace, a backup, and a cross-process lock."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from filelock import FileLock, Timeout
from tinydb.storages import Storage

from store.errors import CorruptDatabase, StoreError
from store.validate import (
    may_hold_surrogates,
    repair_surrogates,
    replace_surrogates,
    shape_problem,
)

LOCK_TIMEOUT = 10.0  # seconds to wait for another process before giving up
LOCK_POLL = 0.005  # seconds between attempts: a waiting window gets its turn promptly
Tables = dict[str, dict[str, Any]]
Stamp = tuple[int, int, int, bytes]  # (inode, size, mtime_ns, head): one version of the file
META_TABLE = "meta"  # written first, with a fresh revision token, so the head of the file
HEAD_BYTES = 160  # ...tells versions apart even when inode, size and mtime tick coincide


class AtomicJSONStorage(Storage):
    """JSON file storage whose writes are all-or-nothing and never clobber another process's."""

    def __init__(self, path: str | os.PathLike[str], lock_timeout: float = LOCK_TIMEOUT) -> None:
        super().__init__()
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._lock = FileLock(str(self.lock_path), timeout=lock_timeout)
        self._lock_timeout = lock_timeout
        self._data: Tables | None = None
        self._stamp: Stamp | None = None  # stamp of the file _data came from; None: no file
        self._loaded = False

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the cross-process lock (re-entrant) for a whole read-modify-write."""
        try:
            self._lock.acquire(poll_interval=LOCK_POLL)
        except Timeout:
            raise StoreError(
                f"notes database {self.path} is locked by another process"
                f" (waited {self._lock_timeout:g} s on {self.lock_path})"
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot lock notes database {self.path}: {_reason(exc)}") from None
        try:
            yield
        finally:
            self._lock.release()

    def read(self) -> Tables | None:
        """The current data; re-parsed only when the file changed since the last read."""
        try:
            with open_regular(self.path) as handle:
                stamp = _stamp_of(handle)
                if self._loaded and stamp == self._stamp:
                    return self._data
                raw = stamp[3] + handle.read()
        except (FileNotFoundError, NotADirectoryError):  # no file (yet): an empty database
            self._remember(None, None)
            return None
        except OSError as exc:
            raise StoreError(f"cannot read notes database {self.path}: {_reason(exc)}") from None
        data = self._parse(raw)
        self._remember(data, stamp)
        return data

    def write(self, data: Tables) -> None:
        """Replace the file atomically, keeping the previous version as `<name>.bak`."""
        with self.locked():
            self._check_unchanged()
            data.setdefault(META_TABLE, {})["revision"] = {"token": secrets.token_hex(8)}
            payload = _encoded(data)
            try:
                self._replace(payload)
            except OSError as exc:
                self._forget()  # the cache may hold changes that never reached the disk
                raise StoreError(
                    f"cannot save notes database {self.path}: {_reason(exc)}"
                ) from None
            except BaseException:
                self._forget()
                raise
            self._remember(data, self._current_stamp())

    def close(self) -> None:
        """Nothing stays open between operations, so there is nothing to close."""

    def remove_stale_temp_files(self) -> None:
        """Delete temp files left by a killed writer, if the lock is free right now."""
        try:
            self._lock.acquire(timeout=0)
        except (Timeout, OSError):
            return  # someone is writing (their temp file is live) or the folder is read-only
        try:
            for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                with contextlib.suppress(OSError):
                    stale.unlink()
        finally:
            self._lock.release()

    def _remember(self, data: Tables | None, stamp: Stamp | None) -> None:
        """Cache what the file holds now, with the stamp that proves it."""
        self._data, self._stamp, self._loaded = data, stamp, True

    def _forget(self) -> None:
        """Drop the cache so the next read goes back to the disk."""
        self._data, self._stamp, self._loaded = None, None, False

    def _check_unchanged(self) -> None:
        """Refuse to write data read from a file that another process replaced since."""
        if not self._loaded or self._current_stamp() != self._stamp:
            self._forget()
            raise StoreError(
                f"notes database {self.path} changed on disk during an update; nothing was written"
            )

    def _current_stamp(self) -> Stamp | None:
        """The stamp of the file as it is now; None when there is no file."""
        try:
            with open_regular(self.path) as handle:
                return _stamp_of(handle)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            raise StoreError(f"cannot read notes database {self.path}: {_reason(exc)}") from None

    def _parse(self, raw: bytes) -> Tables | None:
        """Parse and shape-check the file, or raise CorruptDatabase and touch nothing."""
        if not raw.strip():
            if self.backup_path.exists():
                raise CorruptDatabase(self.path, "the file is empty", self._usable_backup())
            return None
        data, problem = _loads(raw)
        if problem is None:
            problem = shape_problem(data)
        if problem:
            raise CorruptDatabase(self.path, problem, self._usable_backup())
        if may_hold_surrogates(raw):
            repair_surrogates(data)  # old files hold \udXXX escapes that nothing can print
        return data

    def _usable_backup(self) -> Path | None:
        """The backup, if it exists and parses, so the error never points at a broken file."""
        try:
            with open_regular(self.backup_path) as handle:
                raw = handle.read()
        except (OSError, StoreError):
            return None
        data, problem = _loads(raw)
        return None if problem or shape_problem(data) else self.backup_path

    def _replace(self, payload: bytes) -> None:
        """Write a temp file, fsync it, keep the old file as backup, rename over, fsync the dir."""
        tmp = self._temp_path()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, self._file_mode())
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            self._keep_backup()
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        _fsync_dir(self.path.parent)

    def _keep_backup(self) -> None:
        """Make the current file the backup: a hard link (no copy), else a copy."""
        if not self.path.exists():
            return
        tmp = self._temp_path()
        try:
            os.link(self.path, tmp)
        except OSError:
            shutil.copyfile(self.path, tmp)
        try:
            os.replace(tmp, self.backup_path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def _temp_path(self) -> Path:
        """A unique hidden name next to the database, so os.replace stays on one filesystem."""
        token = f"{os.getpid()}.{secrets.token_hex(4)}"
        return self.path.with_name(f".{self.path.name}.{token}.tmp")

    def _file_mode(self) -> int:
        """Keep the existing file's permissions; new databases are private to the user."""
        try:
            return os.stat(self.path).st_mode & 0o777
        except OSError:
            return 0o600


def _stamp_of(handle: BinaryIO) -> Stamp:
    """What changes whenever the file is replaced; reads the head, leaving the handle after it."""
    st = os.fstat(handle.fileno())
    return (st.st_ino, st.st_size, st.st_mtime_ns, handle.read(HEAD_BYTES))


def open_regular(path: Path) -> BinaryIO:
    """Open a file for reading without ever blocking: a FIFO, socket or device is refused."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise StoreError(f"notes database {path} is {_kind(mode)}, not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _kind(mode: int) -> str:
    """What sort of file a non-regular mode is, in words."""
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def _loads(raw: bytes) -> tuple[Any, str | None]:
    """Parse JSON: (data, None), or (None, where and how it is damaged)."""
    try:
        return json.loads(raw), None
    except UnicodeDecodeError as exc:
        line, column = _line_column(raw, exc.start)
        return None, f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at line {line} column {column}"
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at")  # "Unterminated string starting at" + where
        return None, f"invalid JSON: {what} at line {exc.lineno} column {exc.colno}"
    except RecursionError:
        return None, "invalid JSON: nested too deeply to be a notes database"


def _line_column(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _encoded(data: Tables) -> bytes:
    """The database as UTF-8 JSON, meta first so the revision token lands in the file's head.
    Lone surrogates (from a broken paste) become U+FFFD, in the data too: the cache keeps
    exactly what the file holds."""
    try:
        return _dumps(data).encode("utf-8")
    except UnicodeEncodeError:
        repair_surrogates(data)
        return replace_surrogates(_dumps(data)).encode("utf-8")


def _dumps(data: Tables) -> str:
    """Compact JSON with the meta table first."""
    ordered = {META_TABLE: data[META_TABLE], **data}
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":"))


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable; some platforms cannot open directories, which is fine there."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    """The OS's short explanation, without Python's errno prefix."""
    return exc.strerror or str(exc)
