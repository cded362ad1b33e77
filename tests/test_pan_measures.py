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
