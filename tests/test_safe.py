"""The write helpers of ``_io/safe.py``, on their own: names, refusals, and each fallback."""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from usjapan2024._io import safe
from usjapan2024._io.safe import new_file, new_folder

HIDDEN = r"\.{name}\.[0-9a-f]{{12}}\{suffix}"


def _hidden(name: str, suffix: str) -> re.Pattern[str]:
    return re.compile(HIDDEN.format(name=re.escape(name), suffix=suffix))


def _folder(path: Path, marker: str = "m.json", text: str = "old") -> Path:
    path.mkdir()
    (path / marker).write_text(text)
    return path


class TestRefusals:
    def test_missing_folder(self, tmp_path: Path) -> None:
        target = tmp_path / "nope" / "x.json"
        message = f"cannot write {target}: its folder {target.parent} does not exist"
        with pytest.raises(FileNotFoundError, match=f"^{re.escape(message)}$"):
            new_file(target, overwrite=True).__enter__()

    def test_a_file_exists_already(self, tmp_path: Path) -> None:
        target = tmp_path / "x.json"
        target.write_text("old")
        message = f"{target} exists already; replace it on purpose: overwrite=True"
        with pytest.raises(FileExistsError, match=f"^{re.escape(message)}$") as info:
            new_file(target, overwrite=False).__enter__()
        assert isinstance(info.value, safe.TargetExistsError)
        assert info.value.target == target  # the command line words its message from it
        assert target.read_text() == "old"

    def test_a_folder_where_a_file_goes(self, tmp_path: Path) -> None:
        message = f"cannot write {tmp_path}: it is a folder; give the path of a file to write"
        with pytest.raises(IsADirectoryError, match=f"^{re.escape(message)}$"):
            new_file(tmp_path, overwrite=True).__enter__()

    def test_a_file_where_a_folder_goes(self, tmp_path: Path) -> None:
        target = tmp_path / "x.json"
        target.write_text("old")
        message = f"cannot write {target}: it is a file; give the path of a folder to make"
        with pytest.raises(NotADirectoryError, match=f"^{re.escape(message)}$"):
            new_folder(target, overwrite=True, marker="m.json").__enter__()

    def test_a_folder_of_other_files(self, tmp_path: Path) -> None:
        target = _folder(tmp_path / "p", marker="other.txt")
        message = f"{target} holds other files (no m.json): refusing to replace it"
        with pytest.raises(FileExistsError, match=f"^{re.escape(message)}$"):
            new_folder(target, overwrite=True, marker="m.json").__enter__()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]

    @pytest.mark.parametrize("mode", [0o444, 0o555, 0o400, 0o500])
    def test_a_target_without_write_bits(self, tmp_path: Path, mode: int) -> None:
        """Refused by its mode bits, even for root (whom ``os.access`` lets write)."""
        target = tmp_path / "x.json"
        target.write_text("old")
        target.chmod(mode)
        message = (
            f"cannot replace {target}: it is read-only (mode {mode:04o}); make it writable first"
        )
        with pytest.raises(PermissionError) as info:
            new_file(target, overwrite=True).__enter__()
        assert (info.value.errno, info.value.strerror) == (errno.EACCES, message)
        assert target.read_text() == "old"

    @pytest.mark.parametrize("mode", [0o644, 0o600, 0o200])
    def test_a_target_with_write_bits_is_replaced(self, tmp_path: Path, mode: int) -> None:
        target = tmp_path / "x.json"
        target.write_text("old")
        target.chmod(mode)
        with new_file(target, overwrite=True) as partial:
            partial.write_text("new")
        target.chmod(0o600)
        assert target.read_text() == "new"


class TestTemporaryNames:
    def test_a_file_is_written_under_a_hidden_partial_name(self, tmp_path: Path) -> None:
        target = tmp_path / "x.json"
        with new_file(target, overwrite=False) as partial:
            assert partial.parent == tmp_path
            assert _hidden("x.json", ".partial").fullmatch(partial.name)
            assert not partial.exists()  # the writer creates it
            partial.write_text("new")
        assert target.read_text() == "new"
        assert [p.name for p in tmp_path.iterdir()] == ["x.json"]

    def test_a_folder_is_written_under_a_hidden_partial_name(self, tmp_path: Path) -> None:
        target = tmp_path / "p"
        with new_folder(target, overwrite=False, marker="m.json") as partial:
            assert partial.parent == tmp_path
            assert _hidden("p", ".partial").fullmatch(partial.name)
            assert partial.is_dir()
            (partial / "m.json").write_text("new")
        assert (target / "m.json").read_text() == "new"
        assert [p.name for p in tmp_path.iterdir()] == ["p"]

    def test_an_existing_partial_name_is_never_written_over(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file already at the hidden name (another run's) stops the write, untouched."""
        monkeypatch.setattr("secrets.token_hex", lambda _: "0" * 12)
        taken = tmp_path / f".x.json.{'0' * 12}.partial"
        taken.write_text("another run's")
        with pytest.raises(FileExistsError):
            new_file(tmp_path / "x.json", overwrite=False).__enter__()
        assert taken.read_text() == "another run's"


class TestErrorsNameTheTarget:
    def test_an_error_about_another_file_passes_as_it_is(self, tmp_path: Path) -> None:
        other = str(tmp_path / "elsewhere")
        error = PermissionError(errno.EACCES, "Permission denied", other)
        with pytest.raises(PermissionError) as info, new_file(tmp_path / "x", overwrite=False):
            raise error
        assert info.value is error

    def test_permission_on_the_partial_names_the_folder(self, tmp_path: Path) -> None:
        target = tmp_path / "x.json"
        message = f"cannot write {target}: no permission to write in its folder {tmp_path}"
        with (
            pytest.raises(PermissionError) as info,
            new_folder(target, overwrite=False, marker="m") as partial,
        ):
            raise PermissionError(errno.EACCES, "Permission denied", str(partial))
        assert (info.value.errno, info.value.strerror) == (errno.EACCES, message)

    def test_another_error_on_the_partial_keeps_its_errno(self, tmp_path: Path) -> None:
        target = tmp_path / "p"
        with (
            pytest.raises(OSError, match="No space left") as info,
            new_folder(target, overwrite=False, marker="m") as partial,
        ):
            raise OSError(errno.ENOSPC, "No space left on device", partial)
        assert (info.value.errno, info.value.filename) == (errno.ENOSPC, str(target))
        assert list(tmp_path.iterdir()) == []

    def test_an_error_on_a_partial_file_names_the_file(self, tmp_path: Path) -> None:
        target = tmp_path / "x.json"
        with (
            pytest.raises(OSError, match="No space left") as info,
            new_file(target, overwrite=False) as partial,
        ):
            raise OSError(errno.ENOSPC, "No space left on device", partial)
        assert (info.value.errno, info.value.filename) == (errno.ENOSPC, str(target))
        assert list(tmp_path.iterdir()) == []


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


class TestModes:
    @pytest.mark.usefixtures("umask_022")
    def test_a_new_folder_gets_the_mode_the_umask_gives(self, tmp_path: Path) -> None:
        target = tmp_path / "p"
        with new_folder(target, overwrite=False, marker="m.json") as partial:
            (partial / "m.json").write_text("new")
        assert stat.S_IMODE(target.stat().st_mode) == 0o755

    @pytest.mark.usefixtures("umask_022")
    def test_a_new_file_gets_the_mode_the_umask_gives(self, tmp_path: Path) -> None:
        target = tmp_path / "x.json"
        with new_file(target, overwrite=False) as partial:
            partial.write_text("new")
        assert stat.S_IMODE(target.stat().st_mode) == 0o644

    @pytest.mark.parametrize("way", ["renameat2", "two renames"])
    def test_a_replaced_folder_keeps_its_mode(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
    ) -> None:
        if way == "two renames":
            monkeypatch.setattr(safe, "_renameat2", lambda: None)
        target = _folder(tmp_path / "p")
        target.chmod(0o750)
        with new_folder(target, overwrite=True, marker="m.json") as partial:
            (partial / "m.json").write_text("new")
        assert stat.S_IMODE(target.stat().st_mode) == 0o750
        assert (target / "m.json").read_text() == "new"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]


class TestPutInPlace:
    def test_put_new_when_the_target_is_there(self, tmp_path: Path) -> None:
        """A new folder is put in place only where nothing is: False when a folder is."""
        partial = _folder(tmp_path / "new")
        target = _folder(tmp_path / "p")
        assert safe._put_new(partial, target) is False
        assert (target / "m.json").read_text() == "old"

    def test_put_new_without_renameat2(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(safe, "_renameat2", lambda: None)
        partial = _folder(tmp_path / "new", text="new")
        target = _folder(tmp_path / "p")
        assert safe._put_new(partial, target) is False  # ENOTEMPTY: it is there
        with pytest.raises(FileNotFoundError):
            safe._put_new(tmp_path / "missing", tmp_path / "r")
        assert safe._put_new(partial, tmp_path / "s") is True
        assert (tmp_path / "s" / "m.json").read_text() == "new"

    def test_replace_when_the_target_went(self, tmp_path: Path) -> None:
        partial = _folder(tmp_path / "new")
        assert safe._replace(partial, tmp_path / "gone") is False
        assert partial.is_dir()

    def test_replace_without_renameat2_when_the_target_went(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(safe, "_renameat2", lambda: None)
        partial = _folder(tmp_path / "new")
        assert safe._replace(partial, tmp_path / "gone") is False

    def test_replace_without_renameat2_moves_the_old_one_aside(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The old folder waits under a hidden ``.old`` name, then goes."""
        monkeypatch.setattr(safe, "_renameat2", lambda: None)
        removed: list[Path] = []
        remove = shutil.rmtree

        def recording(path: Path, *, ignore_errors: bool = False) -> None:
            removed.append(Path(path))
            remove(path, ignore_errors=ignore_errors)

        monkeypatch.setattr("shutil.rmtree", recording)
        partial = _folder(tmp_path / "new", text="new")
        target = _folder(tmp_path / "p")
        assert safe._replace(partial, target) is True
        (old,) = removed
        assert old.parent == tmp_path
        assert _hidden("p", ".old").fullmatch(old.name)
        assert (target / "m.json").read_text() == "new"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]

    def test_a_failed_second_rename_puts_the_old_one_back(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(safe, "_renameat2", lambda: None)
        target = _folder(tmp_path / "p")
        with pytest.raises(FileNotFoundError):
            safe._replace(tmp_path / "missing", target)
        assert (target / "m.json").read_text() == "old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]

    def test_an_old_folder_that_cannot_be_removed_is_no_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The new folder is in place: a file of the old one that will not go fails nothing."""
        monkeypatch.setattr(safe, "_renameat2", lambda: None)
        unlink = os.unlink

        def stuck(path: str, *args: object, **kwargs: object) -> None:
            if Path(path).name == "stuck":
                raise PermissionError(errno.EACCES, "Permission denied", path)
            unlink(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr("os.unlink", stuck)
        partial = _folder(tmp_path / "new", text="new")
        target = _folder(tmp_path / "p")
        (target / "stuck").write_text("")
        assert safe._replace(partial, target) is True
        assert (target / "m.json").read_text() == "new"

    def test_an_old_folder_that_cannot_be_put_back_is_kept(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Another program fills the target between the two renames: both fail, and the
        error is the one about putting the new folder in place; the old one stays aside."""
        monkeypatch.setattr(safe, "_renameat2", lambda: None)
        rename = Path.rename

        def racing(self: Path, to: Path) -> Path:
            moved = rename(self, to)
            if self.name == "p":  # the old folder moved aside: another program's arrives
                _folder(self, text="theirs")
            return moved

        monkeypatch.setattr(Path, "rename", racing)
        partial = _folder(tmp_path / "new", text="new")
        target = _folder(tmp_path / "p")
        with pytest.raises(OSError, match="not empty") as info:
            safe._replace(partial, target)
        assert info.value.errno == errno.ENOTEMPTY
        assert (target / "m.json").read_text() == "theirs"
        (old,) = (p for p in tmp_path.iterdir() if p.name not in {"p", "new"})
        assert _hidden("p", ".old").fullmatch(old.name)
        assert (old / "m.json").read_text() == "old"

    def test_a_target_that_keeps_changing_is_given_up(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Another program that creates the target every time wins: an error, in the end."""
        monkeypatch.setattr(safe, "_put_new", lambda _partial, _path: False)
        target = tmp_path / "p"
        message = f"cannot write {target}: other programs kept changing it"
        with (
            pytest.raises(FileExistsError, match=f"^{re.escape(message)}$"),
            new_folder(target, overwrite=True, marker="m.json") as partial,
        ):
            (partial / "m.json").write_text("ours")
        assert list(tmp_path.iterdir()) == []

    def test_a_folder_that_appears_meanwhile_is_replaced(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Another run creates the target between the check and the rename: it is replaced."""
        target = tmp_path / "p"
        put_new = safe._put_new

        def racing(partial: Path, path: Path) -> bool:
            monkeypatch.setattr(safe, "_put_new", put_new)
            _folder(path, text="theirs")
            return put_new(partial, path)

        monkeypatch.setattr(safe, "_put_new", racing)
        with new_folder(target, overwrite=True, marker="m.json") as partial:
            (partial / "m.json").write_text("ours")
        assert (target / "m.json").read_text() == "ours"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]

    def test_without_overwrite_a_folder_that_appears_meanwhile_is_kept(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "p"
        put_new = safe._put_new

        def racing(partial: Path, path: Path) -> bool:
            _folder(path, text="theirs")
            return put_new(partial, path)

        monkeypatch.setattr(safe, "_put_new", racing)
        message = f"{target} exists already; replace it on purpose: overwrite=True"
        with (
            pytest.raises(FileExistsError, match=f"^{re.escape(message)}$"),
            new_folder(target, overwrite=False, marker="m.json") as partial,
        ):
            (partial / "m.json").write_text("ours")
        assert (target / "m.json").read_text() == "theirs"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]


@pytest.mark.skipif(safe._renameat2() is None, reason="this system has no renameat2")
class TestRenameat2:
    def test_its_errors_are_os_errors_about_the_target(self, tmp_path: Path) -> None:
        """A failed call raises the C library's errno, naming the target."""
        target = _folder(tmp_path / "p")
        source = _folder(tmp_path / "new")
        with pytest.raises(FileExistsError) as info:
            safe._rename2(source, target, safe._RENAME_NOREPLACE)
        code = info.value.errno
        assert (code, info.value.strerror, info.value.filename) == (
            errno.EEXIST,
            os.strerror(errno.EEXIST),
            str(target),
        )

    def test_exchange(self, tmp_path: Path) -> None:
        old = _folder(tmp_path / "p", text="old")
        new = _folder(tmp_path / "new", text="new")
        assert safe._rename2(new, old, safe._RENAME_EXCHANGE) is True
        assert ((old / "m.json").read_text(), (new / "m.json").read_text()) == ("new", "old")

    def test_flags_the_kernel_lacks_are_no_error(self, tmp_path: Path) -> None:
        """An unknown flag (EINVAL) means "not available here": False, nothing renamed."""
        source = _folder(tmp_path / "new")
        assert safe._rename2(source, tmp_path / "p", 1 << 30) is False
        assert source.is_dir()
        assert not (tmp_path / "p").exists()

    def test_it_is_the_c_librarys_function(self) -> None:
        function = safe._renameat2()
        assert function.restype is ctypes.c_int
        assert function.argtypes == [
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_uint,
        ]

    def test_not_on_other_systems(self, monkeypatch: pytest.MonkeyPatch) -> None:
        safe._renameat2.cache_clear()
        monkeypatch.setattr("sys.platform", "darwin")
        try:
            assert safe._renameat2() is None
        finally:
            safe._renameat2.cache_clear()
        monkeypatch.setattr("sys.platform", "linux")
        assert safe._renameat2() is not None

    def test_mode_of_a_replaced_file_is_kept(self, tmp_path: Path) -> None:
        target = tmp_path / "x.json"
        target.write_text("old")
        target.chmod(0o640)
        with new_file(target, overwrite=True) as partial:
            partial.write_text("new")
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
