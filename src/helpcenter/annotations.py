"""Problems as GitHub Actions workflow commands, so each one shows on the pull request's diff line."""

from __future__ import annotations

from helpcenter.problems import Problem

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


def github_annotation(problem: Problem) -> str:
    """One problem as an `::error` annotation on its file and line."""
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    title = f"{TITLE}: {problem.field}" if problem.field else TITLE
    return workflow_command("error", message, file=problem.path, line=problem.line, title=title)
