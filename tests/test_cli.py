from __future__ import annotations

import re
import subprocess
import sys

import usjapan2024


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "usjapan2024", *args],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
    )


class TestSummary:
    def test_default_is_summary(self) -> None:
        """With no arguments the command prints the summary and exits 0."""
        result = _run()
        assert result.returncode == 0, result.stderr
        assert result.stdout == _run("summary").stdout
        first = result.stdout.splitlines()[0]
        assert first == 'Japan-US Security Consultative Committee ("2+2"), Tokyo, 2024-07-28'

    def test_summary_counts_match_data(self) -> None:
        """The counts printed are the real lengths of the record tuples."""
        out = _run("summary").stdout
        meeting = usjapan2024.load()
        assert re.search(rf"^  commitments +{len(meeting.commitments)}$", out, re.MULTILINE)
        assert re.search(rf"^  threats +{len(meeting.threats)}$", out, re.MULTILINE)
        assert "Yasukazu Hamada, Defense Minister (JP) [see erratum]" in out

    def test_version(self) -> None:
        """--version prints the package version."""
        result = _run("--version")
        assert result.stdout.strip() == f"usjapan2024 {usjapan2024.__version__}"

    def test_bad_subcommand(self) -> None:
        """An unknown subcommand is a usage error (exit 2) without a traceback."""
        result = _run("nonsense")
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert "invalid choice" in result.stderr
