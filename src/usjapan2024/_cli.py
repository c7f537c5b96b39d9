"""The command line, on argparse: subcommands mirror the Python API.

Every listing takes ``--format table|json|jsonl|csv``.  JSON and JSON Lines carry
each record whole (nested, as in the dataset file), so nothing is lost on the way
to jq; CSV and tables carry the flat rows of :func:`usjapan2024.to_records`.

Exit statuses: 0 success; 1 invalid data (every problem listed); 2 a usage mistake
(an unknown option, a filter value that names nothing, a file that cannot be read, a
target that may not be written: missing folder, read-only file or folder, an existing
one without ``--force``), in one line on stderr that names the file; 70
(``EX_SOFTWARE``) an unexpected error, which is a bug in usjapan2024: one line says so,
and ``--traceback`` shows the traceback instead; 74 (``EX_IOERR``) an output that could
not be written (standard output closed or full, a file target that failed), one line.
Everything printed goes through ``_io.output``, which checks each write and escapes
the control characters of text for people (``_presenting.terminal.escape``).
The modules a subcommand needs are imported inside it, so that ``validate`` costs
what loading costs and no more, and only the parser of the command being run is built
(``_parser(only=...)``; every command's for ``--help`` or a mistake): each command's
options are added by its own function, listed in ``_COMMANDS``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from usjapan2024._io.output import (
    EX_IOERR,
    OutputError,
    os_error_text,
    quiet_stdout,
    say,
    warn,
    write,
)
from usjapan2024._loading import load as _loading
from usjapan2024._model.filters import ExactSet, keywords_of
from usjapan2024._model.kinds import RECORD_KINDS
from usjapan2024._presenting.terminal import COLOR_CHOICES
from usjapan2024.exceptions import DatasetError

if TYPE_CHECKING:
    from usjapan2024.model import Erratum, Meeting, Record

__all__ = ["run"]

FORMATS = ("table", "json", "jsonl", "csv")
PROG = "usjapan2024"
EX_SOFTWARE = 70  # sysexits.h: an internal software error


class UsageError(Exception):
    """A mistake in how the command was called: one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr, not usage plus error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: error: {message}")


class _Version(argparse.Action):
    """``--version``, reading the installed metadata only when asked (it is slow to read)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from usjapan2024 import __version__

        say(f"{parser.prog} {__version__}")
        parser.exit()


def _values(enum_class: type[Any]) -> str:
    return ", ".join(m.value for m in enum_class)


def _add(
    commands: Any,  # noqa: ANN401  (argparse's subparsers action is private)
    name: str,
    summary_line: str,
    example: str,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary_line,
        description=summary_line,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _listing(parser: argparse.ArgumentParser, default: str = "table") -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default=default, help=f"output format (default: {default})"
    )


def _datasette_parser(commands: Any) -> None:  # noqa: ANN401  (argparse's private type)
    p = _add(commands, "datasette", "print Datasette's metadata for the SQLite database",
             "usjapan2024 datasette > metadata.json")  # fmt: skip
    p.add_argument("--database", metavar="NAME", default="usjapan2024",
                   help="the database's name in Datasette: its file's name without .db"
                   " (default: usjapan2024)")  # fmt: skip
    _dataset(p)


def _dataset(parser: argparse.ArgumentParser) -> None:
    """``--file`` and ``--source``: read another dataset file instead of the bundled one."""
    parser.add_argument(
        "--file", metavar="FILE", help="a dataset file to read, not the bundled one ('-': stdin)"
    )
    parser.add_argument(
        "--source", metavar="TEXTFILE", help="the text the file's spans index into (read as bytes)"
    )
    _corrected(parser)


def _corrected(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corrected",
        action="store_true",
        help="the corrected view: each erratum's value in the field it names, in place of the"
        " text's wording",
    )


def _add_new(commands: Any) -> None:  # noqa: ANN401  (as _add)
    """``new``: start writing a dataset file by hand."""
    p = _add(commands, "new", "start a dataset file for a text: its digest, its likely"
             " headings, a null for each value to write",
             "usjapan2024 new communique.txt -o draft.json")  # fmt: skip
    p.add_argument("text", metavar="TEXTFILE", help="the source text (read as bytes)")
    _output(p)


def _add_fill(commands: Any) -> None:  # noqa: ANN401  (as _add)
    """``fill``: a hand-written file's offsets, set from its quotes."""
    p = _add(commands, "fill", "set every span's start and end from its quote; print the file",
             "usjapan2024 fill draft.json --source communique.txt --in-place")  # fmt: skip
    p.add_argument("file", metavar="FILE", help="the dataset file ('-': standard input)")
    p.add_argument("--source", metavar="TEXTFILE",
                   help="the text its quotes are from (default: the bundled text)")  # fmt: skip
    _output(p, in_place=True)


def _output(parser: argparse.ArgumentParser, *, in_place: bool = False) -> None:
    """``-o OUT`` and ``--force`` (and ``--in-place``): where a command's JSON goes."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT",
                       help="write it to OUT, not to standard output")  # fmt: skip
    if in_place:
        where.add_argument("--in-place", action="store_true", help="replace FILE with it")
    parser.add_argument("--force", action="store_true", help="replace an existing OUT")


def _filters(parser: argparse.ArgumentParser, query: str) -> None:
    """One option per keyword of query function ``query`` that selects, with its values.

    Read off the same rows as the function (``_model.filters``), so that the two cannot
    drift: a filter takes one value, an exact set one or more (``--parties US JP``).
    """
    for f in keywords_of(query):
        values = f" ({_values(f.vocabulary)})" if f.vocabulary is not None else ""
        nargs = "+" if isinstance(f, ExactSet) else None
        parser.add_argument(f"--{f.name}", metavar="VALUE", nargs=nargs, help=f"{f.help}{values}")


def _add_summary(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "summary", "print the meeting, participants and counts (the default)",
             "usjapan2024 summary")  # fmt: skip
    _dataset(p)


def _add_officials(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "officials", "list the officials who took part",
             "usjapan2024 officials --country JP --format csv")  # fmt: skip
    _filters(p, "officials")
    _listing(p)
    _dataset(p)


def _add_commitments(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "commitments", "list commitments, filtered",
             "usjapan2024 commitments --party US --topic deterrence")  # fmt: skip
    _filters(p, "commitments")
    _listing(p)
    _dataset(p)


def _add_threats(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "threats", "list threats the ministers responded to, filtered",
             "usjapan2024 threats --actor KP --format json | jq '.[].kind'")  # fmt: skip
    _filters(p, "threats")
    _listing(p)
    _dataset(p)


def _add_search(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "search", "find records whose text or quotes contain TEXT",
             'usjapan2024 search "George Washington"')  # fmt: skip
    p.add_argument("text", metavar="TEXT", help="text to look for, case-insensitive")
    p.add_argument(
        "--whole-words",
        action="store_true",
        help="match TEXT only where it is not part of a longer word",
    )
    p.add_argument("--context", action="store_true",
                   help="also look in the framing sentences records cite for context")  # fmt: skip
    _listing(p)
    _dataset(p)


def _add_show(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "show", "show one record with its quotes from the source text",
             "usjapan2024 show commitment.article-v")  # fmt: skip
    p.add_argument("id", metavar="ID",
                   help="a record id, e.g. official.hamada or JP, or 'meeting'")  # fmt: skip
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                   help="emphasise quotes with colour: auto (on a terminal, unless NO_COLOR"
                   " is set), always or never (default: auto)")  # fmt: skip
    _dataset(p)


def _add_export(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "export", "write every record of one kind, flat or whole",
             "usjapan2024 export commitments --format csv > commitments.csv")  # fmt: skip
    p.add_argument("kind", choices=(*RECORD_KINDS, "dataset"),
                   help="the record kind, or 'dataset' for the whole JSON file")  # fmt: skip
    _listing(p, default="csv")
    _dataset(p)


def _add_writer(commands: Any, name: str, what: str, target: str) -> None:  # noqa: ANN401
    p = _add(
        commands,
        name,
        f"write every record as {what} of related tables",
        f"usjapan2024 {name} usjapan2024{'.db' if name == 'sqlite' else ''}",
    )
    p.add_argument("target", metavar=target, help="where to write it (its folder must exist)")
    p.add_argument("--force", action="store_true", help=f"replace an existing {target}")
    _dataset(p)


def _add_validate(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "validate", "check a dataset file; print every problem",
             "usjapan2024 validate my-edit.json")  # fmt: skip
    p.add_argument("file", metavar="FILE", help="the dataset file ('-': standard input)")
    p.add_argument("--source", metavar="TEXTFILE",
                   help="the text its spans index into (default: the bundled text)")  # fmt: skip
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text, or the problems as JSON [{path, message}]")  # fmt: skip


def _add_schema(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "schema", "print the JSON Schema of the dataset file",
             "usjapan2024 schema > usjapan2024.schema.json")  # fmt: skip
    p.add_argument("--version", metavar="N", dest="schema_version",
                   help="the schema_version whose schema to print: the current one (the"
                   " default), or an earlier one this release still reads")  # fmt: skip


def _add_diff(commands: Any) -> None:  # noqa: ANN401  (argparse's subparsers action is private)
    p = _add(commands, "diff", "compare two datasets record by record; exit 1 if they differ",
             "usjapan2024 diff 1.0.0 bundled")  # fmt: skip
    for name in ("old", "new"):
        p.add_argument(name, metavar=name.upper(),
                       help=f"the {name} dataset: a file, '-' (stdin), 'bundled', or a release"
                       " shipped in the package (1.0.0, or release:1.0.0 where a file has"
                       " that name)")  # fmt: skip
    p.add_argument("--source", metavar="TEXTFILE",
                   help="the text both files' spans index into (default: bundled)")  # fmt: skip
    for name in ("old", "new"):
        p.add_argument(f"--{name}-source", metavar="TEXTFILE",
                       help=f"the text the {name} file's spans index into (default: --source,"
                       " else the bundled text)")  # fmt: skip
    p.add_argument("--format", choices=("table", "json"), default="table",
                   help="output format (default: table)")  # fmt: skip
    _corrected(p)


_COMMANDS: dict[str, Callable[[Any], None]] = {
    "summary": _add_summary,
    "officials": _add_officials,
    "commitments": _add_commitments,
    "threats": _add_threats,
    "search": _add_search,
    "show": _add_show,
    "export": _add_export,
    "datapackage": lambda c: _add_writer(c, "datapackage", "a Frictionless Data Package", "FOLDER"),
    "sqlite": lambda c: _add_writer(c, "sqlite", "a SQLite database", "FILE"),
    "datasette": _datasette_parser,
    "validate": _add_validate,
    "new": _add_new,
    "fill": _add_fill,
    "schema": _add_schema,
    "diff": _add_diff,
}
"""Each command's parser, added to the subparsers action, in the order of the help."""


def _parser(only: str | None = None) -> _Parser:
    """The parser of every command, or with ``only`` of that one command alone.

    A command line runs one command, so it builds that command's options only: the
    others' cost more to build than a short command takes to run.
    """
    parser = _Parser(
        prog=PROG,
        description="The Japan-U.S. 2+2 communiqué of 28 July 2024 as typed data.",
        epilog="example:\n  usjapan2024 commitments --party US --topic deterrence",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--traceback", action="store_true", help="on an internal error, show its traceback"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, add in _COMMANDS.items():
        if only is None or name == only:
            add(commands)
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and run the chosen subcommand; return the exit status."""
    try:
        args = _parser(_command_of(argv)).parse_args(argv)
        handler = _HANDLERS[args.command or "summary"]
        return handler(args)
    except UsageError as error:
        warn(str(error))
        return 2
    except DatasetError as error:  # the data read is invalid (validate reports its own)
        warn(f"{PROG}: {_problem_report(error)}")
        return 1
    except OutputError as error:  # nothing was lost silently: say so, exit 74
        warn(f"{PROG}: {error}")
        return EX_IOERR
    except BrokenPipeError:  # `usjapan2024 ... | head`: the reader has all it wants
        quiet_stdout()
        return 0
    except Exception as error:
        if "--traceback" in argv:
            raise
        warn(
            f"{PROG}: internal error ({type(error).__name__}: {error}). This is a bug in"
            f" usjapan2024; run `{PROG} --traceback ...` with the same arguments to see where."
        )
        return EX_SOFTWARE


def _command_of(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, if it names one and asks for no help before it.

    The options before a command (``--traceback``, ``--version``) take no value, so the
    first argument that is not an option is the command; with none, the default command
    runs (``summary``).  ``None`` (build every command) otherwise: for the list of
    commands in the help, or to name the valid ones after a mistake.
    """
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in _COMMANDS else None
        if arg in {"-h", "--help", "--"}:
            return None
    return "summary"


def _problem_report(error: DatasetError) -> str:
    """A ``DatasetError``'s message with each problem on one line, escaped as a whole.

    A newline inside a problem (from a key in the file) is escaped too, so that no
    data can print a line of its own.
    """
    from usjapan2024._presenting.terminal import escape

    head, *_ = str(error).partition("\n")
    lines = [f"  {escape(str(problem))}" for problem in error.problems]
    if error.more:
        lines.append(f"  ... and {error.more} more problem{'s' if error.more != 1 else ''}")
    return "\n".join([head, *lines])


def _read(name: str, source: str | None, command: str) -> Meeting:
    """The dataset in file ``name`` (``-``: standard input), its text read byte-exact.

    A file that cannot be read is a usage error; invalid data raises ``DatasetError``.
    """
    from pathlib import Path

    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        text = None if source is None else Path(source)
        return _loading.read(data, text, command_line=True)
    except OSError as error:  # missing, a folder, unreadable
        from usjapan2024._presenting.terminal import escape

        raise UsageError(f"{PROG} {command}: error: {escape(os_error_text(error))}") from None


def _meeting(args: argparse.Namespace) -> Meeting:
    """The dataset a command works on: ``--file``, or the bundled one; corrected if asked."""
    if args.file is None:
        if args.source is not None:
            raise UsageError(f"{PROG} {args.command}: error: --source goes with --file")
        meeting = _loading.load()
    else:
        meeting = _read(args.file, args.source, args.command)
    return _view(meeting, args)


def _view(meeting: Meeting, args: argparse.Namespace) -> Meeting:
    if not getattr(args, "corrected", False):
        return meeting
    from usjapan2024._querying.views import corrected

    return corrected(meeting)


def _summary(args: argparse.Namespace) -> int:
    from usjapan2024._presenting.summary import summary

    meeting = _loading.load() if args.command is None else _meeting(args)
    say(summary(meeting))
    return 0


def _listing_of(query: str) -> Callable[[argparse.Namespace], int]:
    """The handler of a listing: query function ``query`` with the options given."""

    def handler(args: argparse.Namespace) -> int:
        from usjapan2024 import queries

        given = {f.name: getattr(args, f.name) for f in keywords_of(query)}
        try:  # check each value given, in the command line's words
            queries.criteria(query, given, option=True)
            queries.exact_sets(query, given, option=True)
        except ValueError as error:  # a value that names nothing
            raise UsageError(f"{PROG} {query}: error: {error}") from None
        meeting = _meeting(args)
        return _emit(getattr(queries, query)(**given, meeting=meeting), args.format, meeting)

    return handler


def _search(args: argparse.Namespace) -> int:
    from usjapan2024 import queries

    if not args.text.strip():  # what search() refuses with a ValueError: a usage mistake here
        raise UsageError(f"{PROG} search: error: TEXT must hold something to look for")
    meeting = _meeting(args)
    found = queries.search(
        args.text, meeting=meeting, whole_words=args.whole_words, context=args.context
    )
    return _emit(found, args.format, meeting)


def _show(args: argparse.Namespace) -> int:
    from usjapan2024._tables.flat import flatten
    from usjapan2024.model import Meeting

    meeting = _meeting(args)
    record, errata = _shown(args.id, meeting)
    if args.format == "json":
        whole = {**_unstructure(record), "errata": [_unstructure(e) for e in errata]}
        if isinstance(record, Meeting):  # its own fields: its records are `export dataset`'s
            whole = {k: v for k, v in whole.items() if k not in RECORD_KINDS or k == "errata"}
        _json_out(whole)
        return 0
    from usjapan2024._presenting.context import in_context
    from usjapan2024._presenting.links import record_url
    from usjapan2024._presenting.provenance import value_text
    from usjapan2024._presenting.terminal import emphasiser, escape, use_color

    row = flatten(record)
    lines = [f"{type(record).__name__} {escape(str(row.get('id', '')))}".rstrip()]
    for key, value in row.items():
        if key not in {"id", "spans", "quotes"} and value not in (None, ""):
            lines.append(f"  {key}: {escape(str(value))}")  # one line each, whatever it holds
    emphasise = emphasiser(use_color(args.color, sys.stdout))
    lines.append("  sources (each quote in its sentence):")
    # The quotes' sentences come from the text the record was read against: the meeting's.
    for quote in in_context(record, meeting=meeting):
        # Escaped before the emphasis is added: its own codes are the only ones printed.
        shown = escape(quote.before) + emphasise(escape(quote.quote)) + escape(quote.after)
        if quote.missing is not None:
            shown += f" [{escape(quote.missing)}]"
        lines.append(f"    [{quote.span.start}, {quote.span.end}) {shown}")
    for erratum in errata:
        kind = f"{erratum.kind.value}, {escape(erratum.field)}"
        lines.append(f"  erratum {escape(erratum.id)} ({kind}):")
        lines.append(f"    {escape(erratum.record_says)}")
        value = value_text(erratum, None if isinstance(record, Meeting) else record)
        applied = " (this view holds it)" if erratum.id in meeting.corrected_by else ""
        lines.append(f"    its value: {escape(value)}{applied}")
    url = record_url(record, meeting=meeting)  # None unless a record of the bundled release
    if url is not None:
        lines.append(f"  see: {escape(url)}")
    write("\n".join(lines) + "\n")
    return 0


def _shown(record_id: str, meeting: Meeting) -> tuple[Record | Meeting, Sequence[Erratum]]:
    """The record ``show`` shows, with its errata: ``meeting`` is the meeting itself.

    ``meeting`` is the id the tables and exports give the meeting (no record can have
    it, and no erratum targets it: an erratum's target is a record).
    """
    from usjapan2024 import queries
    from usjapan2024._tables.layout import MEETING_ID

    if record_id == MEETING_ID:
        return meeting, ()
    try:
        record = queries.get(record_id, meeting=meeting)
    except KeyError as error:  # no such id, or a retired one: the message says which
        raise UsageError(f"{PROG} show: error: {error.args[0]}") from None
    return record, queries.errata_for(record, meeting=meeting)


def _export(args: argparse.Namespace) -> int:
    meeting = _meeting(args)
    if args.kind == "dataset":
        from usjapan2024._presenting.terminal import escape_json

        write(escape_json(_loading.dumps(meeting)))
        return 0
    records = (meeting,) if args.kind == "meeting" else getattr(meeting, args.kind)
    return _emit(records, args.format, meeting)


def _tables(args: argparse.Namespace) -> int:
    from usjapan2024 import export

    write_tables = export.to_sqlite if args.command == "sqlite" else export.to_datapackage
    meeting = _meeting(args)
    with _writing(args.target, args.command):
        write_tables(args.target, meeting=meeting, overwrite=args.force)
    return 0


@contextlib.contextmanager
def _writing(target: str, command: str) -> Iterator[None]:
    """Word the failures of writing ``target`` for the shell; say ``wrote`` once it is done."""
    from usjapan2024._io.safe import TargetExistsError
    from usjapan2024._presenting.terminal import escape

    try:
        yield
    except TargetExistsError as error:
        shown = escape(str(error.target))
        msg = f"{PROG} {command}: error: {shown} exists already; replace it with --force"
        raise UsageError(msg) from None
    except (FileExistsError, FileNotFoundError, IsADirectoryError, NotADirectoryError,
            PermissionError) as error:  # fmt: skip
        # Refused before anything is written (a read-only target, a folder that may not be
        # written, a missing folder): a usage mistake, named by the target itself.
        raise UsageError(f"{PROG} {command}: error: {escape(os_error_text(error))}") from None
    except OSError as error:  # a full disk, an I/O error: the target is left as it was
        msg = f"{command}: cannot write {escape(target)}: {error.strerror or error}"
        raise OutputError(msg) from None
    warn(f"wrote {escape(target)}")


def _json_document(document: object, command: str, target: str | None, *, force: bool) -> None:
    r"""Write a dataset document as a file holds it: to ``target``, else to standard output.

    A file gets the exact JSON, as :func:`usjapan2024.dump` writes it; standard output the
    same data with what could drive a terminal written as ``\u`` escapes.
    """
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if target is None:
        from usjapan2024._presenting.terminal import escape_json

        write(escape_json(text))
        return
    from usjapan2024._io.safe import new_file

    data = text.encode("utf-8")
    with _writing(target, command), new_file(target, overwrite=force) as partial:
        partial.write_bytes(data)


def _text_file(name: str, command: str) -> str:
    """The source text in file ``name``, read byte-exact; an unreadable file is a usage error."""
    from pathlib import Path

    from usjapan2024._loading.load import read_text

    try:
        return read_text(Path(name))
    except OSError as error:
        from usjapan2024._presenting.terminal import escape

        raise UsageError(f"{PROG} {command}: error: {escape(os_error_text(error))}") from None


def _new(args: argparse.Namespace) -> int:
    from usjapan2024._loading.authoring import skeleton
    from usjapan2024._presenting.terminal import escape

    document = skeleton(_text_file(args.text, "new"))
    _json_document(document, "new", args.output, force=args.force)
    count = len(document["metadata"]["source"]["excluded"])
    headings = (
        f"{count} lines of {escape(args.text)} look like headings"
        if count != 1
        else f"1 line of {escape(args.text)} looks like a heading"
    )
    warn(
        f"{PROG} new: {headings}, excluded: review metadata.source.excluded. Write each null"
        f" value, add records, then run `{PROG} fill` and `{PROG} validate`."
    )
    return 0


def _fill(args: argparse.Namespace) -> int:
    from pathlib import Path

    from usjapan2024._loading.authoring import fill
    from usjapan2024._presenting.terminal import escape

    shown = escape(args.file)
    if args.in_place and args.file == "-":
        raise UsageError(f"{PROG} fill: error: --in-place needs a FILE, not standard input")
    text = _loading.source_text() if args.source is None else _text_file(args.source, "fill")
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as error:
        raise UsageError(f"{PROG} fill: error: {escape(os_error_text(error))}") from None
    try:
        done = fill(_loading.parse(data, command_line=True), text)
    except DatasetError as error:
        lines = [f"{shown}: {escape(str(problem))}" for problem in error.problems]
        count = len(error.problems) + error.more
        if error.more:
            lines.append(f"{shown}: ... and {error.more} more")
        lines.append(f"{shown}: not filled, {count} problem{'s' if count != 1 else ''}")
        warn("\n".join(lines))
        return 1
    # Replacing FILE is what --in-place asks for: no --force needed.
    target = args.file if args.in_place else args.output
    _json_document(done.document, "fill", target, force=args.force or args.in_place)
    changed = f"{done.changed} of {done.spans} span{'s' if done.spans != 1 else ''}"
    digest = "; metadata.source.sha256 is the text's now" if done.digest_changed else ""
    warn(f"{shown}: offsets set from the quotes for {changed}{digest}")
    return 0


def _datasette(args: argparse.Namespace) -> int:
    from usjapan2024 import export

    _json_out(export.datasette_metadata(meeting=_meeting(args), database=args.database))
    return 0


def _validate(args: argparse.Namespace) -> int:
    from usjapan2024._presenting.terminal import escape

    shown = escape(args.file)  # one line, whatever the file's name holds (a newline, ESC)
    try:
        meeting = _read(args.file, args.source, "validate")
    except DatasetError as error:
        more = f"{error.more} more problem{'s' if error.more != 1 else ''}"
        if args.format == "json":
            problems = [{"path": p.path, "message": p.message} for p in error.problems]
            _json_out(problems)
            if error.more:
                warn(f"{shown}: ... and {more}, not listed")
            return 1
        lines = [f"{shown}: {escape(str(problem))}" for problem in error.problems]
        if error.more:
            lines.append(f"{shown}: ... and {more}")
        count = len(error.problems) + error.more
        lines.append(f"{shown}: invalid, {count} problem{'s' if count != 1 else ''}")
        say("\n".join(lines))
        return 1
    if args.format == "json":
        write("[]\n")
        return 0
    counts = ", ".join(f"{len(getattr(meeting, k))} {k}" for k in ("commitments", "threats"))
    say(f"{shown}: valid ({counts})")
    return 0


def _schema(args: argparse.Namespace) -> int:
    """The schema of ``--version N``; a version this release does not read is a usage error."""
    from usjapan2024._loading.document import SUPPORTED_SCHEMA_VERSIONS
    from usjapan2024._loading.schema import json_schema

    version = SUPPORTED_SCHEMA_VERSIONS[-1]
    if args.schema_version is not None:
        known = {str(v): v for v in SUPPORTED_SCHEMA_VERSIONS}
        if args.schema_version not in known:
            from usjapan2024._presenting.terminal import escape

            valid = ", ".join(known)
            msg = (
                f"{PROG} schema: error: no schema_version {escape(repr(args.schema_version))};"
                f" this release reads {valid}"
            )
            raise UsageError(msg)
        version = known[args.schema_version]
    _json_out(json_schema(version))
    return 0


def _diff(args: argparse.Namespace) -> int:
    """Exit 0 when the datasets are equal and 1 when not, like diff(1).

    A file that cannot be compared (missing, a folder, invalid data) is a usage error,
    exit 2, so that 1 always means "they differ" to a script.
    """
    import shutil
    from pathlib import Path

    from usjapan2024._querying.diff import diff

    sources = {}
    for side in ("old", "new"):
        source = getattr(args, f"{side}_source") or args.source
        if source is not None and not Path(source).is_file():
            raise UsageError(f"{PROG} diff: error: no source text file {source!r}")
        sources[side] = source
    old = _view(_diff_input(args.old, sources["old"]), args)
    new = _view(_diff_input(args.new, sources["new"]), args)
    result = diff(old, new)
    if args.format == "json":
        _json_out(result.to_json())
    else:
        say(result.to_text(shutil.get_terminal_size((80, 24)).columns))
    return 1 if result else 0


def _diff_input(name: str, source: str | None) -> Meeting:
    """The dataset ``diff`` names: the bundled one for ``bundled``, a release, else the file."""
    if name == "bundled":
        return _loading.load()
    release = _release_named(name)
    if release is not None:
        return _loading.load(release=release)
    try:
        return _read(name, source, "diff")
    except DatasetError as error:
        from usjapan2024._presenting.terminal import escape

        count = len(error.problems) + error.more
        shown = escape(name)  # one line, whatever the file's name holds
        lines = [f"{shown}: {escape(str(problem))}" for problem in error.problems]
        if error.more:
            lines.append(f"{shown}: ... and {error.more} more")
        head = f"{PROG} diff: error: {shown} is not a valid dataset"
        raise UsageError(
            "\n".join([f"{head} ({count} problem{'s' if count != 1 else ''}):", *lines])
        ) from None


def _release_named(name: str) -> str | None:
    """The release ``name`` stands for where a file's path may stand; ``None`` for a file.

    ``release:1.0.0`` always names a release.  A bare version (``1.0.0``) names the
    release when no file of that name exists; where one does, the name is refused as
    ambiguous, so that neither is read in place of the other.  A version that is not a
    release, with no such file either, is reported with the releases there are.
    """
    from pathlib import Path

    from usjapan2024._io import releases
    from usjapan2024._presenting.terminal import escape

    prefixed = name.startswith(releases.RELEASE_PREFIX)
    if not (prefixed or releases.is_version(name)):
        return None
    shown = escape(name)  # one line, whatever the name holds
    if not prefixed and Path(name).exists():
        if name not in {r.version for r in releases.releases()}:
            return None
        raise UsageError(
            f"{PROG} diff: error: {shown} is both a release and a file here: write"
            f" {releases.RELEASE_PREFIX}{shown} for the release, ./{shown} for the file"
        )
    try:
        return releases.release(name).version
    except ValueError as error:
        nor = "" if prefixed else ", and no file has that name"
        raise UsageError(f"{PROG} diff: error: {escape(str(error))}{nor}") from None


def _unstructure(record: object) -> Any:  # noqa: ANN401
    """A record as the dataset file holds it, its kind first (``meeting`` for the meeting).

    The key is ``record_kind``, because several records have a field named ``kind``.
    """
    from usjapan2024._loading.converter import converter
    from usjapan2024._model.kinds import kind_of
    from usjapan2024.model import Meeting

    kind = "meeting" if isinstance(record, Meeting) else kind_of(record).group  # type: ignore[arg-type]
    return {"record_kind": kind, **converter().unstructure(record, type(record))}


def _json_out(value: object) -> None:
    """Print ``value`` as JSON: exact data, with no character that can drive a terminal."""
    from usjapan2024._presenting.terminal import escape_json

    write(escape_json(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")


def _emit(records: Sequence[object], fmt: str, meeting: Meeting | None = None) -> int:
    """Print ``records`` in format ``fmt``.

    A table marks the rows that have errata in ``meeting`` and says why in a footnote;
    CSV and JSON stay exact data.
    """
    import shutil

    from usjapan2024._io.output import is_terminal
    from usjapan2024._model.kinds import kind_of
    from usjapan2024._presenting.display import text_table
    from usjapan2024._presenting.terminal import escape, escape_json
    from usjapan2024._tables.flat import flatten

    if fmt == "table":
        width = shutil.get_terminal_size((80, 24)).columns
        errata = None
        if meeting is not None:
            from usjapan2024._presenting.provenance import errata_of_rows

            errata = errata_of_rows(records, meeting)
        applied = () if meeting is None else meeting.corrected_by
        say(text_table(records, width=width, errata=errata, corrected_by=applied))
    elif fmt == "json":
        _json_out([_unstructure(r) for r in records])
    elif fmt == "jsonl":
        lines = (json.dumps(_unstructure(record), ensure_ascii=False) + "\n" for record in records)
        write(escape_json("".join(lines)))
    else:
        from usjapan2024._tables.csvtext import csv_text  # csv, only for CSV

        rows = [flatten(r) for r in records]
        if len({type(r) for r in records}) > 1:  # a search: say each row's kind
            kinds = [kind_of(r).group for r in records]  # type: ignore[arg-type]
            rows = [{"record_kind": k, **row} for k, row in zip(kinds, rows, strict=True)]
        columns = list(dict.fromkeys(c for row in rows for c in row))  # the union, in order
        text = csv_text(columns, rows)
        # Exact for a file or a pipe; on a terminal, a person reads it: nothing may drive it.
        write(escape(text, newlines=True) if is_terminal() else text)
    return 0


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "summary": _summary,
    "officials": _listing_of("officials"),
    "commitments": _listing_of("commitments"),
    "threats": _listing_of("threats"),
    "search": _search,
    "show": _show,
    "export": _export,
    "datapackage": _tables,
    "sqlite": _tables,
    "datasette": _datasette,
    "validate": _validate,
    "new": _new,
    "fill": _fill,
    "schema": _schema,
    "diff": _diff,
}
