"""The PAN text-alignment measures (Potthast, Stein, Barrón-Cedeño, Rosso, COLING 2010).

A *case* is a true reuse: a span of the source document A and the span of the suspicious document B
that reuses it. A *detection* is what an aligner reports (one passage: a span of A and a span of B).
Both are `Annotation(doc, a, b)`: `doc` names the document pair, `a` and `b` are half-open
character ranges. A detection *detects* a case when they belong to the same pair and overlap in
both documents (the PAN text-alignment rule).

- recall    = mean over cases s of |s ⊓ R| / |s|     (characters of s covered by detections of s)
- precision = mean over detections r of |r ⊓ S| / |r| (characters of r covered by cases it detects)
- granularity = mean number of detections per detected case (1 is ideal)
- plagdet   = F1(precision, recall) / log2(1 + granularity)

|x| counts characters on both sides (len(a) + len(b)); overlapping detections of one case count
each character once. Edge cases follow the PAN reference code: with neither cases nor detections
precision and recall are 1; with only one of the two both are 0; granularity with nothing detected
is 1.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Annotation:
    """One case or detection: a span of A and its counterpart in B, in document pair `doc`."""

    doc: str
    a: Range
    b: Range

    @property
    def size(self) -> int:
        return (self.a[1] - self.a[0]) + (self.b[1] - self.b[0])


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    granularity: float
    plagdet: float
    cases: int
    detections: int
    detected_cases: int


def overlaps(x: Range, y: Range) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def detects(detection: Annotation, case: Annotation) -> bool:
    """The PAN rule: same document pair, overlapping in A and in B."""
    return detection.doc == case.doc and overlaps(detection.a, case.a) and overlaps(detection.b, case.b)


def covered(target: Range, others: Iterable[Range]) -> int:
    """Characters of `target` covered by the union of `others`."""
    clipped = sorted(
        (max(lo, target[0]), min(hi, target[1])) for lo, hi in others if lo < target[1] and target[0] < hi
    )
    total = 0
    end = target[0]
    for lo, hi in clipped:
        lo = max(lo, end)
        if hi > lo:
            total += hi - lo
            end = hi
    return total


def _by_doc(annotations: Iterable[Annotation]) -> dict[str, list[Annotation]]:
    index: dict[str, list[Annotation]] = defaultdict(list)
    for ann in annotations:
        if ann.size > 0:  # an empty span neither detects nor can be detected
            index[ann.doc].append(ann)
    return index


def _mean_coverage(targets: Sequence[Annotation], others: Sequence[Annotation]) -> float:
    """Mean over `targets` of the share of each target's characters covered by the `others` that
    overlap it in both documents (recall when targets are cases, precision when detections)."""
    targets = [t for t in targets if t.size > 0]
    others = [o for o in others if o.size > 0]
    if not targets and not others:
        return 1.0
    if not targets or not others:
        return 0.0
    index = _by_doc(others)
    total = 0.0
    for target in targets:
        hits = [o for o in index.get(target.doc, ()) if detects(o, target)]
        if hits:
            chars = covered(target.a, (h.a for h in hits)) + covered(target.b, (h.b for h in hits))
            total += chars / target.size
    return total / len(targets)


def recall(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> float:
    return _mean_coverage(cases, detections)


def precision(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> float:
    return _mean_coverage(detections, cases)


def detections_per_case(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> list[int]:
    index = _by_doc(detections)
    return [sum(1 for d in index.get(c.doc, ()) if detects(d, c)) for c in cases if c.size > 0]


def granularity(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> float:
    counts = [n for n in detections_per_case(cases, detections) if n > 0]
    return sum(counts) / len(counts) if counts else 1.0


def plagdet_score(prec: float, rec: float, gran: float) -> float:
    if prec <= 0 and rec <= 0 or prec < 0 or rec < 0 or gran < 1:
        return 0.0
    f1 = 2 * prec * rec / (prec + rec)
    return f1 / math.log2(1 + gran)


def evaluate(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> Scores:
    prec = precision(cases, detections)
    rec = recall(cases, detections)
    gran = granularity(cases, detections)
    detected = sum(1 for n in detections_per_case(cases, detections) if n > 0)
    return Scores(
        precision=prec,
        recall=rec,
        granularity=gran,
        plagdet=plagdet_score(prec, rec, gran),
        cases=sum(1 for c in cases if c.size > 0),
        detections=sum(1 for d in detections if d.size > 0),
        detected_cases=detected,
    )
