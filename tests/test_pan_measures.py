"""The PAN measures in bench/pan.py, on hand-made cases whose scores are worked out by hand."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

_PAN_PATH = Path(__file__).resolve().parents[1] / "bench" / "pan.py"
_spec = importlib.util.spec_from_file_location("pan", _PAN_PATH)
pan = importlib.util.module_from_spec(_spec)
sys.modules["pan"] = pan
_spec.loader.exec_module(pan)
Annotation = pan.Annotation


def ann(a0: int, a1: int, b0: int, b1: int, doc: str = "p1") -> Annotation:
    return Annotation(doc, (a0, a1), (b0, b1))


def scores(cases, detections):
    return pan.evaluate(cases, detections)


def test_perfect_detection_scores_one_everywhere():
    case = ann(0, 100, 300, 400)
    s = scores([case], [ann(0, 100, 300, 400)])
    assert (s.precision, s.recall, s.granularity, s.plagdet) == (1.0, 1.0, 1.0, 1.0)


def test_one_of_two_cases_found_gives_half_recall():
    cases = [ann(0, 100, 0, 100, "p1"), ann(0, 100, 0, 100, "p2")]
    s = scores(cases, [ann(0, 100, 0, 100, "p1")])
    assert s.recall == 0.5
    assert s.precision == 1.0
    assert s.granularity == 1.0
    assert s.plagdet == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # F1 = 2/3, log2(2) = 1
    assert s.detected_cases == 1


def test_split_detection_has_granularity_two():
    case = ann(0, 100, 0, 100)
    halves = [ann(0, 50, 0, 50), ann(50, 100, 50, 100)]
    s = scores([case], halves)
    assert s.recall == 1.0 and s.precision == 1.0
    assert s.granularity == 2.0
    assert s.plagdet == pytest.approx(1 / math.log2(3))


def test_granularity_is_mean_over_detected_cases_only():
    cases = [ann(0, 100, 0, 100), ann(200, 300, 200, 300), ann(500, 600, 500, 600)]
    detections = [ann(0, 50, 0, 50), ann(50, 100, 50, 100), ann(200, 300, 200, 300)]
    # case 1: 2 detections, case 2: 1, case 3: none (not counted) -> (2 + 1) / 2
    assert pan.granularity(cases, detections) == 1.5
    assert pan.recall(cases, detections) == pytest.approx(2 / 3)


def test_detection_overlapping_only_in_one_document_detects_nothing():
    case = ann(0, 100, 0, 100)
    s = scores([case], [ann(0, 100, 200, 300)])
    assert s.recall == 0.0 and s.precision == 0.0 and s.plagdet == 0.0
    assert s.granularity == 1.0 and s.detected_cases == 0


def test_detection_in_another_pair_detects_nothing():
    s = scores([ann(0, 100, 0, 100, "p1")], [ann(0, 100, 0, 100, "p2")])
    assert s.recall == 0.0 and s.precision == 0.0


def test_detection_twice_too_long_halves_precision():
    s = scores([ann(0, 100, 0, 100)], [ann(0, 200, 0, 200)])
    assert s.recall == 1.0
    assert s.precision == 0.5
    assert s.plagdet == pytest.approx(2 * 0.5 / 1.5)


def test_partial_overlap_counts_characters_on_both_sides():
    # A side: 50 of 100 shared; B side: all 100 -> 150 of 200 characters for both case and detection
    s = scores([ann(0, 100, 0, 100)], [ann(50, 150, 0, 100)])
    assert s.recall == 0.75
    assert s.precision == 0.75


def test_overlapping_detections_count_each_character_once():
    case = ann(0, 100, 0, 100)
    s = scores([case], [ann(0, 60, 0, 60), ann(40, 100, 40, 100)])
    assert s.recall == 1.0  # not 1.2
    assert s.precision == 1.0
    assert s.granularity == 2.0


def test_false_detection_in_negative_pair_lowers_precision_only():
    cases = [ann(0, 100, 0, 100, "reuse")]
    detections = [ann(0, 100, 0, 100, "reuse"), ann(10, 60, 20, 70, "negative")]
    s = scores(cases, detections)
    assert s.recall == 1.0
    assert s.precision == 0.5  # (1 + 0) / 2 detections, macro-averaged
    assert s.detections == 2


def test_macro_average_weighs_cases_not_characters():
    # a short case fully found and a long case a quarter found: mean of 1 and 0.25
    cases = [ann(0, 10, 0, 10), ann(100, 500, 100, 500)]
    detections = [ann(0, 10, 0, 10), ann(100, 200, 100, 200)]
    assert pan.recall(cases, detections) == pytest.approx((1 + 0.25) / 2)
    assert pan.precision(cases, detections) == 1.0


def test_empty_conventions_follow_the_pan_reference():
    assert pan.recall([], []) == 1.0 and pan.precision([], []) == 1.0
    assert pan.recall([ann(0, 1, 0, 1)], []) == 0.0
    assert pan.precision([], [ann(0, 1, 0, 1)]) == 0.0
    assert pan.granularity([], []) == 1.0
    assert pan.plagdet_score(0.0, 0.0, 1.0) == 0.0


def test_covered_merges_overlapping_ranges_and_clips_to_target():
    assert pan.covered((10, 20), [(0, 12), (11, 15), (18, 30)]) == 2 + 3 + 2
    assert pan.covered((10, 20), [(20, 30), (0, 10)]) == 0


# --- the evaluation set the measures are applied to (bench/eval_corpus.py) ------------------------

sys.path.insert(0, str(_PAN_PATH.parent))
import eval_corpus  # noqa: E402

from reader.text.normalize import fold_text  # noqa: E402


@pytest.fixture(scope="module")
def pairs():
    return eval_corpus.build_pairs()


def _case_texts(pair):
    for (a0, a1), (b0, b1) in pair.cases:
        yield pair.a[a0:a1], pair.b[b0:b1]


def test_evaluation_set_is_deterministic_and_covers_every_kind(pairs):
    again = eval_corpus.build_pairs()
    assert [(p.pair_id, p.a, p.b, p.cases) for p in pairs] == [(p.pair_id, p.a, p.b, p.cases) for p in again]
    other = eval_corpus.build_pairs(seed=1)
    assert [p.b for p in other] != [p.b for p in pairs]
    assert {p.kind for p in pairs} == set(eval_corpus.KINDS)
    assert all(sum(p.kind == kind for p in pairs) == 20 for kind in eval_corpus.KINDS)
    for pair in pairs:
        eval_corpus.check_pair(pair)
        assert bool(pair.cases) == (pair.kind != "negative")


def test_verbatim_and_moved_cases_are_exact_copies(pairs):
    copies = [(a, b) for p in pairs if p.kind in ("verbatim", "moved") for a, b in _case_texts(p)]
    assert len(copies) > 40
    assert all(" ".join(a.split()) == " ".join(b.split()) for a, b in copies)


def test_spelling_cases_differ_in_spelling_only(pairs):
    spelled = [(a, b) for p in pairs if p.kind == "spelling" for a, b in _case_texts(p)]
    assert sum(a != b for a, b in spelled) == len(spelled)  # every copy was respelled
    assert all(" ".join(fold_text(a).split()) == " ".join(fold_text(b).split()) for a, b in spelled)


def test_edited_kinds_really_change_the_copy(pairs):
    for kind in ("insert_delete", "reworded", "shuffled", "synonyms", "mixed", "long"):
        texts = [(a, b) for p in pairs if p.kind == kind for a, b in _case_texts(p)]
        assert all(fold_text(a) != fold_text(b) for a, b in texts), kind


def test_shuffled_copies_keep_their_words(pairs):
    for pair in (p for p in pairs if p.kind == "shuffled"):
        for a, b in _case_texts(pair):
            assert sorted(a.split()) == sorted(b.split())


def test_filler_shares_no_word_4gram_with_the_source(pairs):
    for pair in (p for p in pairs if p.kind == "negative" and not p.pair_id.startswith("negative-raw")):
        assert not (eval_corpus._grams(pair.a) & eval_corpus._grams(pair.b)), pair.pair_id


def test_ground_truth_as_detections_scores_perfectly(pairs):
    cases = [Annotation(p.pair_id, a, b) for p in pairs for a, b in p.cases]
    s = pan.evaluate(cases, list(cases))
    assert (s.precision, s.recall, s.granularity, s.plagdet) == (1.0, 1.0, 1.0, 1.0)
    # and reporting nothing scores zero
    assert pan.evaluate(cases, []).plagdet == 0.0
