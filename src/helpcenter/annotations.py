"""Problems as GitHub Actions workflow commands, so each one shows on the pull request's diff line."""

from __future__ import annotations

from helpcenter.problems import Problem, printable

TITLE = "Help-center content"


def escape_data(text: str) -> str:
    """The message part of a workflow command: '%', CR and LF would end or corrupt the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): ':' and ',' also separate properties, so they are escaped too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(kind: str, message: str, *, file: str = "", line: int = 0, title: str = TITLE) -> str:
    """`::kind file=...,line=...,title=...::message`, properties left out when unknown."""
    properties = []
    if file:
        properties.append(f"file={escape_property(file)}")
        if line:
            properties.append(f"line={line}")
    if title:
        properties.append(f"title={escape_property(title)}")
    return f"::{kind} {','.join(properties)}::{escape_data(message)}"


def github_annotation(problem: Problem, kind: str = "error") -> str:
    """One problem (or, with `kind` 'warning', one warning) as an annotation on its file and line."""
    field, path = printable(problem.field), printable(problem.path)
    # Line breaks stay: the annotation encodes them (%0A) and shows them as the message's lines.
    text = f"{problem.field}: {problem.message}" if problem.field else problem.message
    message = "\n".join(printable(line) for line in text.split("\n"))
    title = f"{TITLE}: a warning" if kind == "warning" else f"{TITLE}: {field}" if field else TITLE
    return workflow_command(kind, message, file=path, line=problem.line, title=title)
