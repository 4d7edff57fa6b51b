"""The search benchmark's help center is valid content, its queries fit it, and its scores are right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpcenter.cli import main
from helpcenter.load.help_center import load_help_center
from search_baselines import WORD, entry_text
from search_benchmark import (
    HELP_CENTER,
    QUERIES,
    Outcome,
    Query,
    rank,
    read_queries,
    sample,
    score,
    write_project,
)

ENTRIES = load_help_center(HELP_CENTER, HELP_CENTER.parent.parent.parent).entries
ENTRY_IDS = {entry.id for entry in ENTRIES}


def test_the_benchmark_help_center_passes_helpcenter_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = write_project(tmp_path / "project", {})
    monkeypatch.chdir(project)
    (project / "published-urls.txt").write_text("", encoding="utf-8")
    runner = CliRunner()
    recorded = runner.invoke(main, ["ledger", "--update"], catch_exceptions=False)
    assert recorded.exit_code == 0, recorded.output
    checked = runner.invoke(main, ["check"], catch_exceptions=False)
    assert checked.exit_code == 0, checked.output
    assert "OK: 90 entries in 6 categories" in checked.output


def test_every_test_query_has_its_entry_and_every_entry_its_phrasings() -> None:
    train, test, out_of_scope = read_queries(QUERIES, ENTRY_IDS)
    assert {query.entry for query in test} == ENTRY_IDS
    assert all(len(train[entry]) >= 5 for entry in ENTRY_IDS)
    assert len(test) == 30 * len(ENTRY_IDS)
    assert out_of_scope and all(query.entry is None for query in out_of_scope)


def test_no_entry_copies_a_test_query() -> None:
    """The entries are written from the intents' names. A short question may well be an entry's title
    too ("How do I set up direct deposit?"), but no test query of eight words or more is in an entry."""
    _, test, _ = read_queries(QUERIES, ENTRY_IDS)
    def plain(text: str) -> str:
        return " ".join(WORD.findall(text.casefold()))

    texts = [plain(entry_text(entry, [])) for entry in ENTRIES]
    long_queries = [query.text for query in test if len(query.text.split()) >= 8]
    assert long_queries
    assert [query for query in long_queries if any(plain(query) in text for text in texts)] == []


def test_the_benchmark_adds_the_phrasings_as_also_asked(tmp_path: Path) -> None:
    phrasings = {"transfer": ['send "50" dollars to my sister', "move money: savings to checking"], "balance": []}
    project = write_project(tmp_path / "project", phrasings)
    help_center = load_help_center(project / "faq_data", project)
    assert help_center.entry("transfer").also_asked == tuple(phrasings["transfer"])
    assert help_center.entry("balance").also_asked == ()
    assert "ledger: ''" in (project / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_queries_file_keeps_the_original_form() -> None:
    data = json.loads(QUERIES.read_text(encoding="utf-8"))
    assert set(data) == {"train", "test", "oos_test"}
    assert all(isinstance(text, str) and isinstance(intent, str) for part in data.values() for text, intent in part)


def test_rank_is_the_place_counted_from_one() -> None:
    assert rank("a", ("a", "b")) == 1
    assert rank("b", ("a", "b")) == 2
    assert rank("c", ("a", "b")) is None
    assert rank("a", ()) is None


def test_scores_of_a_hand_made_ranking() -> None:
    outcomes = [
        Outcome(Query("first", "a"), ("a", "b", "c"), False),  # found first
        Outcome(Query("third", "b"), ("a", "c", "b"), False),  # found third
        Outcome(Query("fifth", "c"), ("a", "b", "d", "e", "c"), False),  # found fifth
        Outcome(Query("missed", "d"), ("a", "b"), False),  # not found at all
        Outcome(Query("nothing", "e"), (), True),  # no result
        Outcome(Query("weather on mars", None), (), True),  # out of scope, admitted
        Outcome(Query("tell me a joke", None), ("a",), False),  # out of scope, answered anyway
        Outcome(Query("sing", None), ("b",), True),  # out of scope, results shown with "no answer"
    ]
    scores = score(outcomes)
    assert scores.queries == 5
    assert scores.top1 == pytest.approx(1 / 5)
    assert scores.top3 == pytest.approx(2 / 5)
    assert scores.mrr == pytest.approx((1 + 1 / 3 + 1 / 5) / 5)
    assert scores.no_results == pytest.approx(1 / 5)
    assert scores.no_answer == pytest.approx(1 / 5)
    assert scores.out_of_scope == 3
    assert scores.out_of_scope_no_answer == pytest.approx(2 / 3)


def test_scores_without_out_of_scope_queries_leave_that_figure_out() -> None:
    scores = score([Outcome(Query("first", "a"), ("a",), False)])
    assert (scores.top1, scores.top3, scores.mrr, scores.out_of_scope_no_answer) == (1, 1, 1, None)


def test_sample_takes_the_first_queries_of_each_entry() -> None:
    queries = [Query("a1", "a"), Query("b1", "b"), Query("a2", "a"), Query("a3", "a"), Query("b2", "b")]
    assert [query.text for query in sample(queries, 2)] == ["a1", "b1", "a2", "b2"]
    assert sample(queries, None) == queries
