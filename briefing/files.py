"""Reading and writing files safely: bounded reads of regular files, atomic writes.

- :func:`read_bytes` reads at most ``limit`` bytes of a regular file and checks what it read, not the
  size the file reports (``/dev/zero`` reports 0 bytes); it refuses a FIFO, a device, a socket or a
  directory without opening it for a blocking read, so a FIFO with no writer cannot hang it.
- :func:`write_atomic` is the package's one helper for writing a single file atomically: a temporary
  file in the same folder, flushed to disk, then renamed over the target.
- :func:`write_folder` writes a *set* of output files as a whole: a temporary folder next to the target
  (same filesystem) is filled, flushed to disk and swapped in by one rename, under a lock against
  concurrent runs into the same folder. The folder is always either wholly old or wholly new.

How a swap keeps other files. ``briefing tables`` and ``briefing check`` write into the same folder
(``data/processed/``), each its own set of files. A command names the files it *owns* (all it may
write, whether it writes them this time or not); every other entry of the old folder (the other
command's tables, a ``.stamp``, anything a user put there) is carried into the new folder unchanged,
as a hard link (a copy where links are not possible), before the swap. A file the command owns but
did not write this time (a Parquet table from an earlier ``--format parquet`` run) is dropped, so
the folder never mixes tables of two runs of the same command.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path

from .errors import TranscriptError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, runs are not serialised
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "FolderBusy",
    "OutputInterrupted",
    "Writer",
    "read_bytes",
    "write_atomic",
    "write_folder",
]

#: A writer fills the file at the path it is given (a temporary path inside the new folder).
Writer = Callable[[Path], None]

_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


# --- reading ------------------------------------------------------------------------------------------


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or :class:`TranscriptError`.

    The file is opened non-blocking (a FIFO with no writer opens at once instead of waiting) and its
    type is checked on the open descriptor; then at most ``limit + 1`` bytes are read, so a file that
    grows, or reports a wrong size, cannot make the read unbounded.
    """
    name = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError:
        raise TranscriptError(name, "no such file") from None
    except PermissionError:
        raise TranscriptError(name, "permission denied") from None
    except IsADirectoryError:
        raise TranscriptError(name, "is a directory, not a transcript file") from None
    except OSError as exc:
        raise TranscriptError(name, f"cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise TranscriptError(name, "is a directory, not a transcript file")
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            raise TranscriptError(name, f"not a regular file ({kind}); give a transcript file")
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)  # a regular file: plain blocking reads from here
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise TranscriptError(name, f"file too large (more than {limit:,} bytes)")
        return b"".join(chunks)
    except OSError as exc:
        raise TranscriptError(name, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


# --- writing one file ---------------------------------------------------------------------------------


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _default_mode() -> int:
    return 0o666 & ~_umask()


def _fsync_path(path: Path, directory: bool = False) -> None:
    """Flush a file (or a folder's entries) to disk; folders cannot be opened on every platform."""
    try:
        fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    except OSError:
        if directory:
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not directory:
            raise
    finally:
        os.close(fd)


def _fill(tmp: Path, data: str | bytes | Writer, encoding: str) -> None:
    if callable(data):
        data(tmp)
    else:
        tmp.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    _fsync_path(tmp)


def write_atomic(
    path: str | os.PathLike[str],
    data: str | bytes | Writer,
    *,
    mode: int | None = None,
    encoding: str = "utf-8",
) -> None:
    """Write one file atomically: a temporary file next to ``path``, flushed, then renamed over it.

    ``data`` is text (written as ``encoding``, line endings as given), bytes, or a :data:`Writer`
    that fills the temporary path. ``mode`` defaults to the existing file's permissions, else to
    ``0o666`` less the umask. On any failure, Ctrl-C included, the temporary file is removed and
    ``path`` is as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            mode = _default_mode()
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        _fill(tmp, data, encoding)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_path(path.parent, directory=True)


# --- writing a folder ---------------------------------------------------------------------------------


class FolderBusy(OSError):
    """Another run holds the lock of the output folder."""


class OutputInterrupted(KeyboardInterrupt):
    """Ctrl-C while writing a folder; ``replaced`` says whether the new folder was already in place."""

    def __init__(self, folder: Path, replaced: bool) -> None:
        super().__init__(str(folder))
        self.folder = folder
        self.replaced = replaced


@contextlib.contextmanager
def _sigint_deferred() -> Iterator[list[int]]:
    """Hold Ctrl-C back until the block ends (main thread only); the block learns it was pressed."""
    pressed: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield pressed
        return
    old = signal.signal(signal.SIGINT, lambda signum, frame: pressed.append(signum))
    try:
        yield pressed
    finally:
        signal.signal(signal.SIGINT, old)


@contextlib.contextmanager
def _lock(out: Path) -> Iterator[None]:
    """An exclusive lock on ``.NAME.lock`` beside ``out``: a second run fails at once (FolderBusy).

    The lock file is removed on release; a run that locked a file since removed tries again, so two
    runs never both believe they hold the lock. A file left by a killed run is harmless (the kernel
    released its lock) and is reused.
    """
    if fcntl is None:  # pragma: no cover
        yield
        return
    path = out.parent / f".{out.name}.lock"
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.read(fd, 64).decode("ascii", "replace").strip()
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                who = f" (process {holder})" if holder.isdigit() else ""
                raise FolderBusy(
                    errno.EBUSY,
                    f"another briefing run{who} is writing this folder; try again when it has finished",
                    str(out),
                ) from None
            raise
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # a filesystem without the exchange: fall back to two renames
    raise OSError(err, os.strerror(err), str(b))


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _carry(old: Path, new: Path, keep: Callable[[str], bool]) -> None:
    """Put every entry of ``old`` that ``keep`` accepts into ``new``, unchanged."""
    with os.scandir(old) as it:
        for entry in it:
            if not keep(entry.name):
                continue
            dst = new / entry.name
            if entry.is_symlink():
                os.symlink(os.readlink(entry.path), dst)
            elif entry.is_dir():
                shutil.copytree(entry.path, dst, symlinks=True, copy_function=_link_or_copy)
            else:
                _link_or_copy(entry.path, str(dst))


def _remove(folder: Path, warnings: list[str]) -> None:
    failed: list[object] = []
    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=lambda *args: failed.append(args))
    else:
        shutil.rmtree(folder, onerror=lambda *args: failed.append(args))
    if failed:
        warnings.append(f"could not remove the old copy of the folder, {folder}: remove it by hand")


def _stale(out: Path) -> list[Path]:
    """Temporary folders a killed run left beside ``out`` (called while holding the lock)."""
    return [p for p in out.parent.glob(f".{out.name}.tmp-*") if p.is_dir()]


def _recover(out: Path) -> None:
    """Remove what a killed run left; if it died between the two renames of the fallback swap (no
    ``out``, an ``.old-`` copy beside it), put the old folder back first."""
    if not out.exists():
        olds = sorted(out.parent.glob(f".{out.name}.old-*"))
        if olds:
            os.rename(olds[-1], out)
    for p in [*_stale(out), *out.parent.glob(f".{out.name}.old-*")]:
        shutil.rmtree(p, ignore_errors=True)


def write_folder(
    out: str | os.PathLike[str],
    files: Mapping[str, Writer],
    owned: Collection[str] | Callable[[str], bool],
    finish: Callable[[Path, list[str]], Mapping[str, Writer]] | None = None,
) -> list[str]:
    """Write ``files`` (file name -> :data:`Writer`) into folder ``out`` as a whole; return warnings.

    ``owned`` names every file the caller may write (or is a predicate on names): the old folder's
    other entries are carried into the new one unchanged, its owned files not in ``files`` dropped.
    ``finish(folder, names)``, called once the folder is filled, may add files that describe the
    final set (``names``: every entry of the new folder).

    A second run into the same ``out`` while one holds the lock raises :class:`FolderBusy` at once.
    On an error before the swap the temporary folder is removed and ``out`` is untouched; Ctrl-C
    raises :class:`OutputInterrupted` saying whether the new folder was in place. Leftovers of a
    killed run (a ``.OUT.tmp-*`` folder beside ``out``) are removed by the next run. Failures after
    the swap (removing the old copy) do not undo it and come back as warnings.
    """
    out = Path(out)
    if out.is_symlink():
        out = Path(os.path.realpath(out))  # swap the folder the link points to, keep the link
    out = out.absolute()
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "exists and is not a directory", str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    owns = owned if callable(owned) else set(owned).__contains__
    warnings: list[str] = []
    with _lock(out):
        _recover(out)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
        try:
            for name, writer in files.items():
                _fill(tmp / name, writer, "utf-8")
            if out.is_dir():
                _carry(out, tmp, lambda n: not owns(n) and n not in files)
            if finish is not None:
                names = sorted(os.listdir(tmp))
                for name, writer in finish(tmp, names).items():
                    _fill(tmp / name, writer, "utf-8")
            umask = _umask()
            for name in files:
                os.chmod(tmp / name, 0o666 & ~umask)
            os.chmod(tmp, stat.S_IMODE(out.stat().st_mode) if out.is_dir() else 0o777 & ~umask)
            _fsync_path(tmp, directory=True)
        except BaseException as exc:
            with _sigint_deferred():
                shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, KeyboardInterrupt):
                raise OutputInterrupted(out, replaced=False) from None
            raise
        old_copy = out.parent / f".{out.name}.old-{tmp.name.rsplit('-', 1)[-1]}"
        with _sigint_deferred() as pressed:
            try:
                if not out.exists():
                    os.rename(tmp, out)
                    old = None
                elif _exchange(tmp, out):
                    old = tmp  # now holds the old folder
                else:
                    old = old_copy
                    os.rename(out, old)
                    os.rename(tmp, out)
            except BaseException:
                if old_copy.exists() and not out.exists():
                    os.rename(old_copy, out)  # the fallback failed between its two renames
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            _fsync_path(out.parent, directory=True)
            if old is not None:
                _remove(old, warnings)
        if pressed:
            raise OutputInterrupted(out, replaced=True)
    return warnings
