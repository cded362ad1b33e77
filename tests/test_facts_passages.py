"""Facts paired through the engine's passages when a passage is reordered inside or a text uses a
passage twice (result JSON version 3: `reordered`, `reused`): the casualty report's figures still
meet their counterparts, and a figure changed in one of two copies is still seen."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from reader.compare import compare
from reader.facts import AGREE, DIFFER, ONLY, find_facts

DATA = Path(__file__).parent / "data" / "facts"
LEAD_A, QUOTE_A, _ = (DATA / "casualty_a.txt").read_text(encoding="utf-8").split("\n\n")
# Paragraphs of another report (seed 002), so the casualty paragraphs stand among other text.
OTHER = [
    p
    for p in resources.files("reader.seeds")
    .joinpath("002_6c5f88965a46cab3.txt")
    .read_text("utf-8")
    .splitlines()
    if len(p.split()) > 12
]


def _pairs(a: str, b: str, kind: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (p.status, p.a.text if p.a else None, p.b.text if p.b else None)
        for p in find_facts(a, b).pairs
        if p.kind == kind
    ]


def test_a_sentence_whose_clauses_changed_order_pairs_each_figure_with_what_counts_the_same():
    """B leads with the quake and gives the wounded before the killed: both figures changed, and
    one differing stretch of the passage holds all four numbers."""
    lead_b = (
        "أنقرة - ضرب زلزال ولاية ملاطية جنوب شرق تركيا يوم الأربعاء، وأصيب 104 آخرون بجروح وقتل 31 شخصا، "
        "بحسب ما أعلنت إدارة الكوارث والطوارئ."
    )
    a = "\n\n".join([LEAD_A, OTHER[0], QUOTE_A])
    b = "\n\n".join([lead_b, OTHER[0], QUOTE_A])
    assert len(compare(a, b).passages) == 1
    numbers = _pairs(a, b, "number")
    assert (DIFFER, "27 شخصا", "31 شخصا") in numbers
    assert (DIFFER, "140 آخرون", "104 آخرون") in numbers
    assert (DIFFER, "الثلاثاء", "الأربعاء") in _pairs(a, b, "date")


def test_a_reordered_passage_pairs_its_facts_where_they_went():
    """B puts the other report's sentence before the casualty lead in one paragraph: the engine's
    passage is reordered inside, and only the wounded figure changed."""
    a = "\n\n".join([f"{LEAD_A} {OTHER[0]}", QUOTE_A])
    b = "\n\n".join([f"{OTHER[0]} {LEAD_A.replace('140', '104')}", QUOTE_A])
    comparison = compare(a, b)
    assert any(p.reordered for p in comparison.passages)
    facts = find_facts(a, b, comparison)
    numbers = [(p.status, p.a.text, p.b.text) for p in facts.pairs if p.kind == "number"]
    assert (DIFFER, "140 آخرون", "104 آخرون") in numbers
    assert (AGREE, "27 شخصا", "27 شخصا") in numbers
    assert [p for p in facts.differing] == [
        p for p in facts.pairs if p.kind == "number" and p.status == DIFFER
    ]
    moved = next(p for p in facts.pairs if p.kind == "number" and p.a.text == "27 شخصا")
    assert moved.b.start == b.index("27 شخصا")  # where B put it, not where A has it


def test_a_paragraph_used_twice_pairs_its_figures_with_both_copies():
    """B opens with the lead (killed changed to 31) and repeats it word for word at the end: the
    engine uses A's lead twice, and A's 27 meets both B's 31 and B's 27."""
    a = "\n\n".join([LEAD_A, OTHER[0], QUOTE_A, OTHER[1]])
    b = "\n\n".join([LEAD_A.replace("27", "31"), OTHER[0], QUOTE_A, OTHER[1], LEAD_A])
    comparison = compare(a, b)
    assert any(p.reused == "a" for p in comparison.passages)
    facts = find_facts(a, b, comparison)
    numbers = [
        (p.status, p.a.text if p.a else None, p.b.start if p.b else None)
        for p in facts.pairs
        if p.kind == "number"
    ]
    copy = b.rindex(LEAD_A)
    assert (DIFFER, "27 شخصا", b.index("31 شخصا")) in numbers
    assert (AGREE, "27 شخصا", copy + LEAD_A.index("27 شخصا")) in numbers
    assert (AGREE, "140 آخرون", copy + LEAD_A.index("140 آخرون")) in numbers
    assert not [p for p in facts.pairs if p.status == ONLY and p.kind in ("number", "date")]
    assert find_facts(b, a) == facts.swapped()


def test_without_a_second_use_a_fact_still_pairs_once():
    """The same lead in B once, among other text: no passage is reused, every figure pairs once."""
    a = "\n\n".join([LEAD_A, OTHER[0]])
    b = "\n\n".join([OTHER[1], LEAD_A, OTHER[0]])
    comparison = compare(a, b)
    assert not any(p.reused for p in comparison.passages)
    numbers = [
        (p.a.start, p.b.start)
        for p in find_facts(a, b, comparison).pairs
        if p.kind == "number" and p.a and p.b
    ]
    assert len({start for start, _ in numbers}) == len(numbers) == len({start for _, start in numbers})
