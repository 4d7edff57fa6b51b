"""The export formats `helpcenter import` reads, by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpcenter.importing.csv_export import read_csv
from helpcenter.importing.source import Export
from helpcenter.importing.zendesk import read_zendesk

READERS: dict[str, Callable[[Path, Path], Export]] = {
    "zendesk": read_zendesk,
    "csv": read_csv,
}
