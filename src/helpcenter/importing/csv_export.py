"""Reading a spreadsheet of questions and answers saved as CSV (UTF-8).

Columns, in any order, named in the first row: `question`, `answer` and `category` are required;
`summary`, `tags` and `phrasings` (each separated by ';') and `video` (a YouTube or Vimeo link) are
optional. An answer is Markdown (plain text is Markdown), or HTML when it starts with a tag.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpcenter.importing.source import Export, SourceArticle, SourceGroup
from helpcenter.problems import Problem, did_you_mean, shown_path

REQUIRED_COLUMNS = ("question", "answer", "category")
OPTIONAL_COLUMNS = ("summary", "tags", "phrasings", "video")


def read_csv(path: Path, root: Path) -> Export:
    result = Export("CSV", "category")
    shown = shown_path(path, root)
    try:
        data = path.read_bytes()
    except OSError as error:
        result.problems.append(Problem(shown, 0, "", f"cannot be read: {error.strerror}"))
        return result
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        result.problems.append(Problem(shown, line, "", (
            f"not UTF-8 text (the byte 0x{data[error.start]:02x}); save the spreadsheet as 'CSV UTF-8' and "
            "import it again"
        )))
        return result
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip().lower() for name in next(rows, [])]
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        for name in missing:
            result.problems.append(Problem(shown, 1, name, (
                f"no column '{name}'{did_you_mean(name, header)}: the first row names the columns "
                f"{', '.join(REQUIRED_COLUMNS)} (and optionally {', '.join(OPTIONAL_COLUMNS)})"
            )))
        if missing:
            return result
        groups: dict[str, SourceGroup] = {}
        for row in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            values = {name: (row[index].strip() if index < len(row) else "") for index, name in enumerate(header)}
            if len(row) > len(header):
                result.problems.append(Problem(shown, line, "", (
                    f"{len(row)} cells where the first row names {len(header)} columns; put quotes around a cell "
                    "that holds a comma"
                )))
                continue
            _add_row(values, line, shown, groups, result)
    except csv.Error as error:
        result.problems.append(Problem(shown, rows.line_num, "", f"not a well-formed CSV file: {error}"))
    result.groups = list(groups.values())
    return result


def _add_row(values: dict[str, str], line: int, shown: str, groups: dict[str, SourceGroup], result: Export) -> None:
    where = f"{shown}:{line}"
    question, category = " ".join(values["question"].split()), " ".join(values["category"].split())
    for name, value in (("question", question), ("category", category)):
        if not value:
            result.problems.append(Problem(shown, line, name, f"the {name} is empty; write it or remove the row"))
    if not question or not category:
        return
    group = groups.setdefault(category.casefold(), SourceGroup(category.casefold(), category, position=len(groups)))
    answer = values["answer"].replace("\r\n", "\n")
    is_html = answer.lstrip().startswith("<")
    result.articles.append(SourceArticle(
        id=str(line),
        title=question,
        group_id=group.id,
        body_html=answer if is_html else None,
        body_markdown=None if is_html else answer,
        summary=" ".join(values.get("summary", "").split()),
        tags=_split(values.get("tags", "")),
        also_asked=_split(values.get("phrasings", "")),
        video_url=values.get("video", ""),
        where=where,
    ))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.replace("\n", ";").split(";") if part.strip())
