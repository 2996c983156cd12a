"""The analysis pool: same results inline, in worker processes and on Dask; failures stay local."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from briefs import analyse_pool
from briefs.analyse_pool import (
    Analyser,
    AnalysisTask,
    ProgressBar,
    WorkerContext,
    analyse_html,
)
from briefs.analysis.entities import SiteEntities, default_gazetteer
from briefs.analysis.pipeline import AnalysisConfig

BODIES = [
    "<p>بروكسل (أ ف ب) – قال الأمين العام لحلف شمال الأطلسي مارك روتي إن «الصين تتحمل "
    "مسؤولية خاصة هنا».</p><p>وأضاف روتي: «نحن نراقب الوضع».</p>",
    "<p>وبحث فلاديمير بوتين مع شي جين بينغ في موسكو العلاقات الثنائية.</p>",
    "<p>LONDON (Reuters) - \"We are watching closely,\" said Mark Rutte.</p>",
    "<p>ودعت الأمم المتحدة إلى ضبط النفس في قطاع غزة.</p><p>شاركها.</p>",
]


def tasks() -> list[AnalysisTask]:
    return [AnalysisTask(source=f"brief-{number}.md", html=html,
                         lang="en" if "LONDON" in html else "ar", title="", overrides=())
            for number, html in enumerate(BODIES)]


def context(timeout: float = 0.0) -> WorkerContext:
    return WorkerContext(config=AnalysisConfig(), site=SiteEntities(), key="test",
                         timeout=timeout)


def documents(outcomes: list[analyse_pool.Outcome]) -> list[object]:
    return [outcome.entry.document if outcome.entry else outcome.error for outcome in outcomes]


@pytest.fixture(scope="module")
def inline() -> list[object]:
    return documents(Analyser(context(), default_gazetteer(), workers=1).run(tasks()))


def test_the_pool_gives_what_one_process_gives_in_task_order(inline: list[object]) -> None:
    done: list[tuple[int, int]] = []
    outcomes = Analyser(context(), default_gazetteer(), workers=2,
                        progress=lambda count, total: done.append((count, total))).run(tasks())
    assert documents(outcomes) == inline
    assert all(outcome.entry and outcome.entry.body for outcome in outcomes)
    assert done == [(count, 4) for count in range(1, 5)]


def test_a_failing_brief_is_named_and_the_others_are_analysed(
        inline: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    real = analyse_pool.analyse_html

    def fails_on_one(task: AnalysisTask, *args: object) -> object:
        if task.source == "brief-1.md":
            raise ValueError("no such word")
        return real(task, *args)

    monkeypatch.setattr(analyse_pool, "analyse_html", fails_on_one)  # forked workers see it
    for workers in (1, 2):
        outcomes = Analyser(context(), default_gazetteer(), workers=workers).run(tasks())
        assert outcomes[1].entry is None
        assert outcomes[1].error == "the analysis failed: ValueError: no such word"
        assert [documents(outcomes)[i] for i in (0, 2, 3)] == [inline[i] for i in (0, 2, 3)]


def test_a_crashed_worker_costs_only_its_brief(
        inline: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    real = analyse_pool.analyse_html

    def crashes_on_one(task: AnalysisTask, *args: object) -> object:
        if task.source == "brief-2.md":
            os._exit(3)  # a segfault or the OOM killer, as the pool sees it
        return real(task, *args)

    monkeypatch.setattr(analyse_pool, "analyse_html", crashes_on_one)
    outcomes = Analyser(context(), default_gazetteer(), workers=2).run(tasks())
    assert outcomes[2].entry is None
    assert "worker process analysing it stopped" in (outcomes[2].error or "")
    assert [documents(outcomes)[i] for i in (0, 1, 3)] == [inline[i] for i in (0, 1, 3)]


def _many() -> list[AnalysisTask]:
    return [AnalysisTask(source=f"many-{number}.md", html=task.html, lang=task.lang, title="",
                         overrides=()) for number, task in enumerate(tasks() * 6)]


def test_briefs_are_sent_a_few_at_a_time(
        inline: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    """A finished brief's result (its body) is handed back before the last is sent, so the
    results are never all held at once."""
    many = _many()
    window = analyse_pool.IN_FLIGHT * 2
    assert len(many) > 2 * window
    consumed: list[int] = []
    sent: list[int] = []  # how many results were handed back when each task was sent
    submit = analyse_pool.ProcessPoolExecutor.submit

    def counting(executor: object, *args: object, **kwargs: object) -> object:
        sent.append(len(consumed))
        return submit(executor, *args, **kwargs)

    monkeypatch.setattr(analyse_pool.ProcessPoolExecutor, "submit", counting)
    outcomes = Analyser(context(), default_gazetteer(), workers=2).run(
        many, consume=lambda index, outcome: consumed.append(index))
    assert documents(outcomes) == [inline[i % len(inline)] for i in range(len(many))]
    assert len(sent) == len(many)
    assert sent[:window] == [0] * window
    assert sent[-1] >= len(many) - 2 * window


def test_a_crashed_worker_among_many_costs_only_its_brief(
        inline: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    many = _many()
    real = analyse_pool.analyse_html

    def crashes_on_one(task: AnalysisTask, *args: object) -> object:
        if task.source == "many-13.md":
            os._exit(3)
        return real(task, *args)

    monkeypatch.setattr(analyse_pool, "analyse_html", crashes_on_one)
    outcomes = Analyser(context(), default_gazetteer(), workers=2).run(many)
    assert outcomes[13].entry is None
    assert "worker process analysing it stopped" in (outcomes[13].error or "")
    others = [documents(outcomes)[i] for i in range(len(many)) if i != 13]
    assert others == [inline[i % len(inline)] for i in range(len(many)) if i != 13]


def test_a_brief_that_takes_too_long_is_given_up(
        inline: list[object], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = analyse_pool.analyse_html
    finished = tmp_path / "the hung analysis finished"

    def hangs_on_one(task: AnalysisTask, *args: object) -> object:
        if task.source == "brief-0.md":
            time.sleep(30)
            finished.touch()
        return real(task, *args)

    monkeypatch.setattr(analyse_pool, "analyse_html", hangs_on_one)
    outcomes = Analyser(context(timeout=0.5), default_gazetteer(), workers=2).run(tasks())
    # The pool did not wait for the hung brief: its analysis never got to the end.
    assert not finished.exists()
    assert outcomes[0].error == "the analysis timed out after 0.5 s"
    assert documents(outcomes)[1:] == inline[1:]


def test_dask_local_cluster_gives_the_same_analyses(inline: list[object]) -> None:
    from distributed import LocalCluster  # the [dask] extra, in the test extra too

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        analyser = Analyser(context(), default_gazetteer(),
                            dask_scheduler=cluster.scheduler_address)
        assert documents(analyser.run(tasks())) == inline
        # A task that fails on a worker is reported with its reason; the others are not lost.
        broken = WorkerContext(config=AnalysisConfig(), site=None, key="broken")  # type: ignore[arg-type]
        outcomes = Analyser(broken, default_gazetteer(),
                            dask_scheduler=cluster.scheduler_address).run(tasks())
        assert all(outcome.entry is None for outcome in outcomes)
        assert all("the analysis failed: AttributeError" in (outcome.error or "")
                   for outcome in outcomes)


def test_the_html_is_read_once_and_kept_with_the_analysis() -> None:
    entry = analyse_html(tasks()[3], AnalysisConfig(), default_gazetteer())
    assert entry.body is not None
    assert entry.document.boilerplate == ("شاركها.",)
    assert entry.text_matches


def test_progress_bar_line() -> None:
    assert ProgressBar(None, width=4).line(0, 10, 0.0) == "[----] 0/10 briefs  0.0/s  0:00 left"
    assert ProgressBar(None, width=4).line(10, 10, 2.0) == "[####] 10/10 briefs  5.0/s  0:00 left"
