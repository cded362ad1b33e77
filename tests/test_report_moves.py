"""Where passages stand, in words (reader.report.moves): moved passages told apart from passages that
kept their order and only shifted, reuse and reordering named, the same wording in the CLI report."""

from __future__ import annotations

import random
import re
from importlib.resources import files

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.compare import compare
from reader.facts.words import paragraph_numbers
from reader.report.moves import (
    BACK,
    CROSSING,
    FORWARD,
    KEPT,
    SHIFTED_UP,
    TO_END,
    TO_START,
    describe,
    placements,
)


def seed_text(number: int) -> str:
    names = sorted(p for p in files("reader.seeds").iterdir() if p.name.endswith(".txt"))
    return names[number].read_text(encoding="utf-8")


def paragraphs(number: int) -> list[str]:
    return [p for p in seed_text(number).split("\n") if p.strip()]


def placed(a: str, b: str):
    result = compare(a, b)
    return result, placements(result, paragraph_numbers(a), paragraph_numbers(b))


def test_a_paragraph_brought_forward_is_said_so_with_both_places() -> None:
    ps = paragraphs(1)
    moved = [*ps[:2], ps[6], *ps[2:6], *ps[7:]]  # ¶7 now the third paragraph
    result, places = placed("\n".join(ps), "\n".join(moved))
    described = [describe(places, k) for k in range(len(places))]
    assert "brought forward: ¶7 of A is ¶3 of B" in described
    crossing = [k for k, p in enumerate(places) if p.crossing]
    assert len(crossing) == 1 and places[crossing[0]].kind == FORWARD
    # the passages around it kept their order: said to be in order, not moved
    assert all(places[k].kind == KEPT for k in range(len(places)) if k not in crossing)


def test_moved_to_the_end_and_to_the_start() -> None:
    ps = paragraphs(1)
    _, places = placed("\n".join(ps), "\n".join([*ps[1:], ps[0]]))
    assert [describe(places, k) for k, p in enumerate(places) if p.crossing] == [
        f"moved to the end: ¶1 of A is ¶{len(ps)} of B"
    ]
    _, places = placed("\n".join(ps), "\n".join([ps[-1], *ps[:-1]]))
    assert [p.kind for p in places if p.crossing] in ([TO_START], [TO_END])  # the lighter one moves
    assert any(describe(places, k).startswith("moved to the") for k in range(len(places)))


def test_text_cut_before_a_passage_shifts_it_without_changing_its_order() -> None:
    # seed 001 rewrites 000 keeping the order of what it takes, dropping paragraphs between
    result, places = placed(seed_text(0), seed_text(1))
    engine_moved = [p.moved for p in result.passages]
    assert engine_moved.count(True) == 2  # the engine's flag: their places shifted far
    assert not any(p.crossing for p in places)  # but no band crosses another
    assert [p.kind for p, moved in zip(places, engine_moved, strict=True) if moved] == [SHIFTED_UP] * 2
    assert describe(places, 1) == "in order, text before it cut: ¶8 of A is ¶5 of B"


def test_a_paragraph_used_twice_names_both_places() -> None:
    a_paragraphs, other = paragraphs(0)[:6], paragraphs(2)
    reused = a_paragraphs[2]
    text_a = "\n\n".join(a_paragraphs)
    text_b = "\n\n".join([other[0], reused, other[1], other[2], reused, other[3], a_paragraphs[4]])
    result, places = placed(text_a, text_b)
    twice = [k for k, place in enumerate(places) if place.again]
    assert len(twice) == 2
    first, second = sorted(twice, key=lambda k: result.passages[k].b)
    assert result.passages[first].a == result.passages[second].a
    assert places[first].again == (second,) and places[second].again == (first,)
    b_first, b_second = places[first].paragraphs_b[0], places[second].paragraphs_b[0]
    assert f"used again: ¶3 of A is also ¶{b_second} of B" in describe(places, first)
    assert f"used again: ¶3 of A is also ¶{b_first} of B" in describe(places, second)
    # seen from the other side, the sides of the wording change places
    swapped = result.swapped()
    _, swapped_places = placed(text_b, text_a)
    assert any("of B is also" in describe(swapped_places, k) for k in range(len(swapped.passages)))


def test_phrases_shuffled_inside_a_paragraph_are_reordered_inside_the_passage() -> None:
    ps = paragraphs(0)
    phrases = [x for x in re.split(r"(?<=[،,.])\s+|\s+(?=و)", ps[4] + " " + ps[5]) if x]
    random.Random(3).shuffle(phrases)
    text_a = "\n\n".join(ps[:6])
    text_b = "\n\n".join([ps[0], ps[1], " ".join(phrases), ps[3]])
    result, places = placed(text_a, text_b)
    reordered = [k for k, p in enumerate(result.passages) if p.reordered]
    assert reordered
    assert all(describe(places, k).endswith("reordered inside the passage") for k in reordered)
    assert not any("reordered" in describe(places, k) for k in range(len(places)) if k not in reordered)


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(32)))
def test_a_passage_is_moved_exactly_when_its_band_crosses_one_that_kept_its_place(order) -> None:
    ps = paragraphs(1)
    result, places = placed("\n".join(ps), "\n".join(ps[k] for k in order))
    passages = result.passages
    kept = [k for k, p in enumerate(passages) if not p.moved]
    for k, (passage, place) in enumerate(zip(passages, places, strict=True)):
        crosses = [
            j
            for j in kept
            if j != k and (passages[j].a[0] < passage.a[0]) != (passages[j].b[0] < passage.b[0])
        ]
        assert place.crossing == bool(crosses)
        assert place.kind in CROSSING | {KEPT, SHIFTED_UP, "shifted_down"}
        if not passage.moved:
            assert place.kind == KEPT
        if place.kind in (FORWARD, BACK):
            before_a = sum(passages[j].a[0] < passage.a[0] for j in kept)
            before_b = sum(passages[j].b[0] < passage.b[0] for j in kept)
            assert (before_b < before_a) == (place.kind == FORWARD)
        words = describe(places, k).split(" · ")[0]
        assert f"¶{place.paragraphs_a[0]}" in words.split(" of A is ")[0]
        assert f"¶{place.paragraphs_b[0]}" in words.split(" of A is ")[1]


def test_the_cli_report_uses_the_same_wording(tmp_path, capsys) -> None:
    ps = paragraphs(1)
    path_a, path_b = tmp_path / "a.txt", tmp_path / "b.txt"
    path_a.write_text("\n".join(ps), encoding="utf-8")
    path_b.write_text("\n".join([*ps[:2], ps[6], *ps[2:6], *ps[7:]]), encoding="utf-8")
    assert main(["compare", str(path_a), str(path_b), "--bidi", "logical", "--width", "0"]) == 0
    out = capsys.readouterr().out
    assert "brought forward: ¶7 of A is ¶3 of B" in out
    assert re.search(r"\d+ passages, 1 moved", out)
    _, places = placed("\n".join(ps), path_b.read_text(encoding="utf-8"))
    for k in range(len(places)):
        assert describe(places, k) in out
