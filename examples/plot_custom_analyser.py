"""
Writing and registering a custom analyser
=========================================

framekit's analysers are small classes: a name, the results they need, a
result class, and a ``run`` method over the shared parse. This example writes
an analyser of **rhetorical questions in the writer's voice** (a device of
opinion writing), which reads the attribution result to leave out questions
inside quotations, registers it, and runs it in a pipeline with the built-in
analysers.
"""

# %%
# The result: a frozen attrs class
# --------------------------------
# Results derive from :class:`framekit.Result`, which gives them JSON
# round-trips and flat rows. Evidence is a tuple of spans with offsets.
import sys
from collections.abc import Mapping
from pathlib import Path

import attrs

import framekit
from framekit import Article, BaseAnalyser, Result, TextSpan
from framekit.registry import register


@attrs.frozen
class QuestionsResult(Result):
    """Questions the writer asks, and how many sentences there are."""

    questions: tuple[TextSpan, ...]
    sentences: int

    @property
    def share(self) -> float:
        return len(self.questions) / self.sentences if self.sentences else 0.0


# %%
# The analyser: one job, on the shared parse
# ------------------------------------------
# ``needs`` names the analysers whose results ``run`` receives; the pipeline
# runs them first. ``register`` makes the analyser available by name; a
# plugin package does the same through an entry point in its
# ``pyproject.toml``::
#
#     [project.entry-points."framekit.analysers"]
#     questions = "my_package.questions:QuestionsAnalyser"
@register("questions")
class QuestionsAnalyser(BaseAnalyser[QuestionsResult]):
    """Sentences ending in a question mark outside any attributed content."""

    name = "questions"
    needs = ("attribution",)
    result_type = QuestionsResult

    def run(self, article: Article, results: Mapping[str, Result]) -> QuestionsResult:
        attribution = results["attribution"]
        quoted = [(a.content.start, a.content.end)
                  for a in getattr(attribution, "attributions", ())]
        questions = tuple(
            TextSpan.of(sentence) for sentence in article.sentences
            if sentence.text.rstrip().endswith("?")
            and not article.in_quotation(sentence[-1])
            and not any(start <= sentence.start_char < end for start, end in quoted))
        return QuestionsResult(questions, len(article.sentences))


# %%
# Run it with the built-ins
# -------------------------
# The attribution analyser it needs is added to the pipeline automatically.
# The articles beside this script, wherever it is run from (sphinx-gallery, which
# renders it in the docs, runs it in its folder without setting __file__).
HERE = Path(__file__).parent if "__file__" in globals() else Path.cwd()
ARTICLES = HERE / "articles"
if not ARTICLES.is_dir():
    sys.exit(f"cannot find the example articles in {ARTICLES}: run this script where it "
             "stands in the framekit repository, with its articles/ folder beside it")
pipeline = framekit.Pipeline(["hedging", "questions"])
print("runs:", [a.name for a in pipeline.analysers])
for path in sorted(ARTICLES.glob("*.txt")):
    report = pipeline.analyse(path.read_text(encoding="utf-8"))
    result = report.result("questions", QuestionsResult)
    print(f"\n{path.stem}: {len(result.questions)} of {result.sentences} sentences")
    for question in result.questions:
        print(f"  {question.start:>5}  {question.text}")

# %%
# Its result behaves like any other
# ---------------------------------
print(QuestionsResult.from_json(result.to_json()) == result)
print(report.summary()["questions.sentences"])
