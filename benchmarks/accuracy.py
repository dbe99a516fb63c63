"""framekit's accuracy on the development corpora, with simple baselines on the same documents.

Run from the repository root::

    python benchmarks/accuracy.py ../shared/corpora                  # all (~25 min, 2 busy cores)
    python benchmarks/accuracy.py ../shared/corpora --limit 20       # a quick look
    python benchmarks/accuracy.py ../shared/corpora --out /tmp/acc   # accuracy.md + .json
    python benchmarks/accuracy.py ../shared/corpora --rst docs/accuracy-table.inc  # the docs' table

Each evaluation uses the scoring rules of :mod:`framekit.evaluate` (see the
docs' Accuracy page). Beside framekit's figures, on the same documents:

* attribution (PolNeAR dev): textacy's ``direct_quotations`` (optional: ``pip
  install framekit[benchmark]``; skipped with a note when textacy is missing),
  its quotation as content and its speaker tokens as source;
* hedging (Szeged FactBank and WikiWeasel dev): a plain hedge word list
  (``benchmarks/hedge_words.json``), whole words in any case;
* frames (Narrative Frames and SemEval-2023 dev): every article given the
  frames that at least half of the articles have (majority) and every article
  given every frame; and in 5-fold cross-validation the ``FrameClassifier``
  beside TF-IDF + class-weighted logistic regression on the same folds;
* loaded language (PTC dev): framekit alone.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import framekit
from framekit import corpora
from framekit import evaluate as ev

HERE = Path(__file__).resolve().parent
COLUMNS = ("task", "corpus", "documents", "system", "measure", "P", "R", "F1", "F1 95% CI")


def _row(result: ev.Evaluation, part: str, system: str,
         names: Iterable[str]) -> list[dict[str, Any]]:
    rows = []
    for name in names:
        m = result.measure(name)
        rows.append({"task": result.task, "corpus": part, "documents": result.documents,
                     "system": system, "measure": name, **m.as_dict()})
    return rows


def _limited(documents: Iterable[Any], limit: int | None) -> tuple[Any, ...]:
    return tuple(itertools.islice(documents, limit))


def attribution(root: Path, limit: int | None, progress: bool) -> list[dict[str, Any]]:
    documents = _limited(corpora.read_polnear(root / "polnear", "dev"), limit)
    framekit_result = ev.evaluate_attribution(documents, progress=progress)
    rows = _row(framekit_result, "PolNeAR dev", "framekit", ("content", "content+source"))
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        print("textacy is not installed: its baseline is skipped "
              "(pip install framekit[benchmark])", file=sys.stderr)
        return rows
    nlp = framekit.load_pipeline()
    predicted = []
    refused = 0
    for doc in nlp.pipe(d.text for d in documents):
        found = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on an article with unpaired quotation marks
            refused += 1
            triples = []
        for triple in triples:
            speaker = triple.speaker
            source = ((speaker[0].idx, speaker[-1].idx + len(speaker[-1].text))
                      if speaker else None)
            found.append(ev.PredictedAttribution(
                ((triple.content.start_char, triple.content.end_char),), source,
                " ".join(t.text for t in speaker), "direct_quotation"))
        predicted.append(tuple(found))
    baseline = ev.score_attribution(documents, predicted)
    print(f"textacy gave up on {refused} of {len(documents)} articles (unpaired quotation "
          "marks); they count as articles where it found nothing", file=sys.stderr)
    return rows + _row(baseline, "PolNeAR dev", "textacy direct_quotations",
                       ("content", "content+source"))


def hedging(root: Path, limit: int | None, progress: bool) -> list[dict[str, Any]]:
    words = json.loads((HERE / "hedge_words.json").read_text(encoding="utf-8"))["words"]
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    rows = []
    for name, part in (("factbank-dev.xml", "Szeged FactBank dev"),
                       ("wiki-dev.xml", "Szeged WikiWeasel dev")):
        documents = _limited(corpora.read_szeged(root / "szeged" / name), limit)
        result = ev.evaluate_hedging(documents, progress=progress)
        rows += _row(result, part, "framekit", ("cue", "sentence"))
        listed = [tuple(corpora.GoldSpan("word", ((m.start(), m.end()),))
                        for m in pattern.finditer(d.text)) for d in documents]
        rows += _row(ev.score_hedging(documents, listed), part, "hedge word list",
                     ("cue", "sentence"))
    return rows


def frames(root: Path, limit: int | None, progress: bool) -> list[dict[str, Any]]:
    rows = []
    parts = (("narrative", "Narrative Frames dev",
              corpora.read_narrative_frames(root / "narrative-frames" / "articles.tsv")),
             ("semeval2023", "SemEval-2023 T3 dev", corpora.read_semeval_frames(
                 root / "semeval2023-t3-en")))
    for corpus, part, reader in parts:
        documents = _limited(reader, limit)
        result = ev.evaluate_frames(documents, corpus, progress=progress)
        rows += _row(result, part, "framekit zero-shot", ("micro", "macro"))
        labels = sorted(ev.mappings()["frames"][corpus]["labels"].values())
        gold = [ev.gold_frames(d, corpus) for d in documents]
        share = {label: sum(label in g for g in gold) / len(gold) for label in labels}
        majority = frozenset(label for label in labels if share[label] >= 0.5)
        for system, guess in (("majority", majority), ("every frame", frozenset(labels))):
            table = ev.label_scores([guess] * len(gold), gold, labels)
            rows += [{"task": "frames", "corpus": part, "documents": len(gold),
                      "system": system, "measure": name, **table.measure(name).as_dict()}
                     for name in ("micro", "macro")]
        folds = ev.cross_validate_frames(documents, corpus, progress=progress)
        for model, system in (("classifier", "FrameClassifier 5-fold"),
                              ("tfidf", "TF-IDF + LR 5-fold")):
            rows += [{"task": "frames", "corpus": part, "documents": folds.documents,
                      "system": system, "measure": name,
                      **folds.measure(f"{model}:{name}").as_dict()}
                     for name in ("micro", "macro")]
    return rows


def loaded_language(root: Path, limit: int | None, progress: bool) -> list[dict[str, Any]]:
    documents = _limited(corpora.read_ptc(root / "ptc"), limit)
    result = ev.evaluate_loaded_language(documents, progress=progress)
    return _row(result, "PTC dev", "framekit", ("span",))


def _cells(row: dict[str, Any]) -> tuple[str, ...]:
    interval = "–".join(f"{x:.2f}" for x in row["F1_CI"]) if "F1_CI" in row else ""
    return (row["task"], row["corpus"], str(row["documents"]), row["system"], row["measure"],
            f"{row['P']:.2f}", f"{row['R']:.2f}", f"{row['F1']:.2f}", interval)


def markdown(rows: Sequence[dict[str, Any]], meta: dict[str, Any]) -> str:
    """The rows as a Markdown table under a line saying when and with what they were made."""
    lines = [f"framekit {meta['framekit_version']}, spaCy pipeline {meta['spacy_pipeline']}, "
             f"{meta['date']}", "", "| " + " | ".join(COLUMNS) + " |",
             "|" + "|".join("---" for _ in COLUMNS) + "|"]
    lines.extend("| " + " | ".join(_cells(row)) + " |" for row in rows)
    return "\n".join(lines)


def restructured_text(rows: Sequence[dict[str, Any]], meta: dict[str, Any]) -> str:
    """The rows as the list table the docs' Accuracy page includes, framekit's F1 in bold."""
    lines = [f".. Written by benchmarks/accuracy.py on {meta['date']} (framekit "
             f"{meta['framekit_version']}, {meta['spacy_pipeline']}); do not edit by hand.", "",
             ".. list-table:: framekit and baselines on the development corpora",
             "   :header-rows: 1", "   :widths: 12 20 8 22 14 6 6 6 12", ""]
    for i, cells in enumerate([COLUMNS, *(_cells(row) for row in rows)]):
        framekit_row = i > 0 and rows[i - 1]["system"] == "framekit"
        for j, cell in enumerate(cells):
            shown = f"**{cell}**" if framekit_row and j == 7 else cell
            lines.append(f"   {'* -' if j == 0 else '  -'} {shown}".rstrip())
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, help="the folder of the development corpora")
    parser.add_argument("--limit", type=int, help="documents per corpus (a quick look)")
    parser.add_argument("--out", type=Path, help="write accuracy.md and accuracy.json here")
    parser.add_argument("--rst", type=Path,
                        help="also write the table as reStructuredText (the docs' "
                             "docs/accuracy-table.inc), from these runs and any JSON given "
                             "with --merge")
    parser.add_argument("--merge", type=Path, action="append", default=[],
                        help="an accuracy.json of an earlier run whose rows join these "
                             "(for evaluations run apart); repeatable")
    parser.add_argument("--only", choices=("attribution", "hedging", "frames",
                                           "loaded-language"), action="append",
                        help="run only these evaluations (repeatable)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args(argv)
    runs = {"attribution": attribution, "hedging": hedging, "frames": frames,
            "loaded-language": loaded_language}
    rows: list[dict[str, Any]] = []
    for name, run in runs.items():
        if args.only is None or name in args.only:
            print(f"{name}...", file=sys.stderr, flush=True)
            rows += run(args.corpora, args.limit, args.progress)
    nlp = framekit.load_pipeline()
    meta = {"framekit_version": framekit.__version__,
            "spacy_pipeline": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
            "date": datetime.date.today().isoformat(), "limit": args.limit}
    for earlier in args.merge:
        rows = json.loads(earlier.read_text(encoding="utf-8"))["rows"] + rows
    table = markdown(rows, meta)
    if args.rst:
        args.rst.write_text(restructured_text(rows, meta) + "\n", encoding="utf-8")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "accuracy.md").write_text(table + "\n", encoding="utf-8")
        (args.out / "accuracy.json").write_text(
            json.dumps({**meta, "rows": rows}, indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
