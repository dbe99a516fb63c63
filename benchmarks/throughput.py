"""framekit against bare spaCy: throughput, cost against article length, memory when streaming.

Run from the repository root::

    python benchmarks/throughput.py            # ~1,000 articles, a ~50,000-word article
    python benchmarks/throughput.py --quick    # 150 articles, up to 10,000 words: some 8 minutes
    python benchmarks/throughput.py --quick --only costs   # the cost table alone: a minute

In one run, on the same texts, it measures

* where the time goes: milliseconds per 1,000 words for the parse and, over
  parses made once, for the shared layers of :class:`~framekit.article.Article`
  (quotations, reported speech, sentences), each analyser and the whole of
  :meth:`~framekit.Pipeline.analyse_doc`, each the best of a few rounds;
* bare spaCy (``nlp.pipe`` with the pipeline, components and batches framekit
  uses, :func:`framekit.inputs.batches`; with two processes, a process pool
  like framekit's that sends back a count instead of reports) against
  :meth:`framekit.Pipeline.analyse_many` with every registered default
  analyser, in one process and with ``n_process=2``; the corpus is run
  in slices by each side in turn, so that a change of load on a shared machine
  hits both alike, and in one process the CPU time is compared as well;
* the time framekit takes (parse and analysis) for one article of 1k, 5k, 10k
  and 50k words, beside bare spaCy's parse of it, each the best of three runs;
* the peak memory of streaming 100 and 1,000 articles, each in a fresh
  subprocess: ``tracemalloc``'s peak of Python allocations during the stream
  (after the pipeline is loaded and warmed up), and the process's peak resident
  size from ``resource.getrusage`` (``ru_maxrss``), which includes spaCy's model.

The corpus is the three example articles repeated; each copy starts with its own
line (``Copy 17.``) so that no cache keyed on the text (textstat's, for one)
makes a repeat free. The long article is made the same way, copies joined by a
blank line, cut at a paragraph break.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cached_property, partial
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import framekit
from framekit.article import Article
from framekit.inputs import batches
from framekit.nlp import unneeded_pipes
from framekit.results import Result

#: The parts of the benchmark, in the order they run.
PARTS = ("costs", "throughput", "length", "memory")
ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def corpus(n: int) -> list[str]:
    base = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]
    return [f"Copy {i}.\n\n{base[i % len(base)]}" for i in range(n)]


def long_article(words: int) -> str:
    paragraphs: list[str] = []
    count = 0
    for text in corpus(10_000):
        for paragraph in text.split("\n"):
            if not paragraph.strip():
                continue
            paragraphs.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                return "\n\n".join(paragraphs)
    raise ValueError(words)


def timed(run: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> float:
    start = clock()
    run()
    return clock() - start


def best(run: Callable[[], object], repeats: int,
         clock: Callable[[], float] = time.perf_counter) -> float:
    """The fastest of ``repeats`` runs: the one least disturbed by other work on the machine."""
    return min(timed(run, clock) for _ in range(repeats))


def drain(items: Iterable[object]) -> None:
    for _ in items:
        pass


def shared_layers(doc: Doc, text: str) -> Article:
    """An :class:`Article` of ``doc`` parsed from ``text``, every shared layer computed."""
    article = Article(doc, text)
    for name, member in vars(Article).items():
        if isinstance(member, cached_property):
            getattr(article, name)
    return article


def costs(pipeline: framekit.Pipeline, texts: list[str], batch_size: int,
          rounds: int) -> dict[str, float]:
    """CPU milliseconds per 1,000 words of the parse and of each part of the analysis.

    CPU time, as other work on a shared machine changes it less than the wall
    clock. The parse is timed over ``texts`` with ``nlp.pipe``; the rest over the
    ``Doc`` objects it made, each part the fastest of ``rounds`` rounds. The
    shared layers are timed first, on fresh articles given their text as
    :meth:`~framekit.Pipeline.analyse_many` gives it; each analyser then runs
    on articles whose layers are ready, in the pipeline's order, given the
    results it needs; ``analyse_doc`` is the whole analysis of a fresh article
    (layers, analysers, the language check and the report).
    """
    nlp = pipeline.nlp
    disabled = list(unneeded_pipes(nlp, pipeline.annotations))
    per_word = 1_000_000 / sum(len(text.split()) for text in texts)  # s -> ms per 1,000 words
    docs: list[Doc] = []

    def parse_all() -> None:
        docs[:] = (doc for batch in batches(((text, None) for text in texts), batch_size)
                   for doc, _ in nlp.pipe(batch, batch_size=len(batch), as_tuples=True,
                                          disable=disabled))

    figures = {"parse": per_word * best(parse_all, rounds, time.process_time)}
    spent = dict.fromkeys(("shared layers", *pipeline.names, "analyse_doc"), float("inf"))
    for _ in range(rounds):
        start = time.process_time()
        articles = [shared_layers(doc, text) for doc, text in zip(docs, texts, strict=True)]
        spent["shared layers"] = min(spent["shared layers"], time.process_time() - start)
        results: list[dict[str, Result]] = [{} for _ in articles]
        for analyser in pipeline.analysers:
            start = time.process_time()
            for article, found in zip(articles, results, strict=True):
                found[analyser.name] = analyser.run(article, found)
            spent[analyser.name] = min(spent[analyser.name], time.process_time() - start)
        spent["analyse_doc"] = min(spent["analyse_doc"], timed(
            lambda: drain(pipeline.analyse_doc(doc) for doc in docs), time.process_time))
    figures.update((name, per_word * seconds) for name, seconds in spent.items())
    return figures


def parse_only(nlp: Language, texts: list[str], batch_size: int, disabled: list[str]) -> int:
    """Parse ``texts`` in the batches framekit gives spaCy, dropping the parses."""
    parsed = 0
    for batch in batches(((text, None) for text in texts), batch_size):
        parsed += sum(1 for _ in nlp.pipe(batch, batch_size=len(batch), as_tuples=True,
                                          disable=disabled))
    return parsed


_worker_nlp: tuple[Language, list[str]] | None = None


def _start_worker(nlp: Language, disabled: list[str]) -> None:
    global _worker_nlp
    _worker_nlp = nlp, disabled


def _parse_in_worker(texts: list[str], batch_size: int) -> int:
    assert _worker_nlp is not None
    return parse_only(_worker_nlp[0], texts, batch_size, _worker_nlp[1])


def bare_spacy(nlp: Language, texts: list[str], batch_size: int, n_process: int,
               disabled: list[str]) -> None:
    """Parse ``texts`` as framekit does, and drop the parses.

    In one process, in framekit's batches; with more, as framekit's workers
    do: batches of ``batch_size`` texts sent to a process pool, a few per
    worker in flight, each parsed in framekit's batches, a count sent back.
    """
    if n_process == 1:
        parse_only(nlp, texts, batch_size, disabled)
        return
    with ProcessPoolExecutor(n_process, initializer=_start_worker,
                             initargs=(nlp, disabled)) as pool:
        pending: deque[Future[int]] = deque()
        for start in range(0, len(texts), batch_size):
            pending.append(pool.submit(_parse_in_worker, texts[start : start + batch_size],
                                       batch_size))
            if len(pending) > 2 * n_process:
                pending.popleft().result()
        while pending:
            pending.popleft().result()


def throughput(pipeline: framekit.Pipeline, texts: list[str], batch_size: int,
               n_process: int, rounds: int) -> dict[str, float]:
    """Articles per second of bare spaCy and of framekit on ``texts``.

    The texts are cut into ``rounds`` slices, each run by spaCy then framekit (or
    the other way round, in turn), so that a change in the machine's load hits
    both alike. In one process the CPU time of each side is measured too.
    """
    nlp = pipeline.nlp
    disabled = list(unneeded_pipes(nlp, pipeline.annotations))  # as framekit does
    runs: dict[str, Callable[[list[str]], object]] = {
        "spacy": partial(bare_spacy, nlp, batch_size=batch_size, n_process=n_process,
                         disabled=disabled),
        "framekit": lambda part: drain(pipeline.analyse_many(part, batch_size=batch_size,
                                                             n_process=n_process)),
    }
    wall = dict.fromkeys(runs, 0.0)
    cpu = dict.fromkeys(runs, 0.0)
    size = -(-len(texts) // rounds)
    for index in range(rounds):
        part = texts[index * size : (index + 1) * size]
        for name in sorted(runs, reverse=index % 2 == 1):
            start, start_cpu = time.perf_counter(), time.process_time()
            runs[name](part)
            wall[name] += time.perf_counter() - start
            cpu[name] += time.process_time() - start_cpu
    figures = {f"{name}_per_s": len(texts) / wall[name] for name in runs}
    figures["ratio"] = wall["spacy"] / wall["framekit"]
    if n_process == 1:
        figures["cpu_ratio"] = cpu["spacy"] / cpu["framekit"]
    return figures


def memory(n: int, batch_size: int) -> dict[str, float]:
    """Peak memory of streaming ``n`` articles, measured in this (fresh) process."""
    pipeline = framekit.Pipeline()
    texts = corpus(n)
    drain(pipeline.analyse_many(texts[:3]))
    tracemalloc.start()
    hedges = 0
    for report in pipeline.analyse_many(iter(texts), batch_size=batch_size):
        hedges += report.hedging.overall.hedges
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"articles": n, "tracemalloc_peak_mb": peak / 2**20,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def memory_in_subprocess(n: int, batch_size: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--memory", str(n),
                          "--batch-size", str(batch_size)],
                         check=True, capture_output=True, text=True).stdout
    figures: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run, a few minutes")
    parser.add_argument("--articles", type=int, help="corpus size (default 999, quick 150)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=4,
                        help="slices run by each side in turn (default 4)")
    parser.add_argument("--only", action="append", choices=PARTS,
                        help="run only this part of the benchmark (may be repeated)")
    parser.add_argument("--memory", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory:
        print(json.dumps(memory(args.memory, args.batch_size)))
        return
    n = args.articles or (150 if args.quick else 999)
    lengths = (1_000, 5_000, 10_000) if args.quick else (1_000, 5_000, 10_000, 50_000)
    small, large = 100, 1_000
    parts = set(args.only or PARTS)

    pipeline = framekit.Pipeline()
    texts = corpus(n)
    words = sum(len(text.split()) for text in texts)
    print(f"framekit {framekit.__version__}, analysers {', '.join(pipeline.names)}; "
          f"spaCy pipeline {pipeline.nlp.meta['name']} ({', '.join(pipeline.nlp.pipe_names)})")
    print(f"corpus: {n} articles, {words:,} words; batch size {args.batch_size}\n")
    drain(pipeline.analyse_many(corpus(6)))  # load and warm up matchers, lexicons, textstat

    if "costs" in parts:
        sample = texts[: 30 if args.quick else 90]
        ms = costs(pipeline, sample, args.batch_size, 3)
        print(f"where the time goes ({len(sample)} articles, "
              f"{sum(len(text.split()) for text in sample):,} words; CPU time, best of 3):")
        print(f"  {'part':<16} {'ms/1,000 words':>14} {'% of parse':>10}")
        for name, value in ms.items():
            print(f"  {name:<16} {value:14.2f} {100 * value / ms['parse']:9.1f}%")
        print()

    if "throughput" in parts:
        for processes in (1, 2):
            figures = throughput(pipeline, texts, args.batch_size, processes, args.rounds)
            cpu = (f" (CPU time: {figures['cpu_ratio']:.3f})" if "cpu_ratio" in figures else "")
            print(f"n_process={processes}: spaCy {figures['spacy_per_s']:6.2f} articles/s, "
                  f"framekit {figures['framekit_per_s']:6.2f} articles/s, ratio framekit/spaCy "
                  f"{figures['ratio']:.3f}{cpu}")

    if "length" in parts:
        repeats = 2 if args.quick else 3
        disabled = list(unneeded_pipes(pipeline.nlp, pipeline.annotations))
        print("\ncost against article length (one article, parse and analysis; "
              f"best of {repeats}):")
        seconds = {}
        for length in lengths:
            text = long_article(length)
            seconds[length] = best(partial(pipeline.analyse, text), repeats)
            parse = best(partial(pipeline.nlp, text, disable=disabled), repeats)
            print(f"  {len(text.split()):>6,} words: framekit {seconds[length]:6.2f} s "
                  f"({1000 * seconds[length] / len(text.split()):.2f} ms/word), "
                  f"bare spaCy {parse:6.2f} s ({1000 * parse / len(text.split()):.2f} ms/word)")
        longest = max(lengths)
        print(f"  ratio {longest // 1000}k/5k words: {seconds[longest] / seconds[5_000]:.2f} "
              f"(linear: {longest / 5_000:.0f})")

    if "memory" in parts:
        print("\npeak memory when streaming (fresh subprocess each):")
        peaks = [memory_in_subprocess(count, args.batch_size) for count in (small, large)]
        for peak in peaks:
            print(f"  {peak['articles']:>5} articles: tracemalloc peak "
                  f"{peak['tracemalloc_peak_mb']:7.1f} MB, max RSS {peak['max_rss_mb']:7.1f} MB")
        print(f"  ratio {large}/{small}: tracemalloc "
              f"{peaks[1]['tracemalloc_peak_mb'] / peaks[0]['tracemalloc_peak_mb']:.2f}, "
              f"max RSS {peaks[1]['max_rss_mb'] / peaks[0]['max_rss_mb']:.2f}")


if __name__ == "__main__":
    main()
