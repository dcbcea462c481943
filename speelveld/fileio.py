"""Writing files so that nothing a user had is lost or half-written: a new file appears complete
or not at all. Standard library only, so that every layer (the config editor, the reports) can
use it without importing another layer."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from speelveld.said import said


def check_writable(path: Path) -> None:
    """Fail before any work if the output cannot be written."""
    parent = path.resolve().parent
    if not parent.is_dir():
        raise OSError(f'{path}: ' + said("directory_does_not_exist", folder=parent))
    if not os.access(parent, os.W_OK):
        raise OSError(f"{path}: " + said("directory_not_writable", folder=parent))
    if path.exists() and not os.access(path, os.W_OK):
        raise OSError(f"{path}: " + said("file_not_writable"))


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file beside ``path`` and rename it into place, so a reader sees
    the old file or the complete new one, never a half-written file."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.resolve().parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it the mode a new file gets
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
