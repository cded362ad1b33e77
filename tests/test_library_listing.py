"""Listing a library (the window's start reads every summary): all of them, in id order, and the
garbage collector left as it was found."""

from __future__ import annotations

import gc

import pytest

from reader.library import LibraryError, open_library


@pytest.fixture
def library(tmp_path):
    library = open_library(tmp_path / "library.sqlite3")
    yield library
    library.close()


@pytest.mark.parametrize("enabled", [True, False])
def test_summaries_leave_the_collector_as_they_found_it(library, enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        summaries = library.summaries()
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
    assert [s.id for s in summaries] == sorted(s.id for s in summaries) and len(summaries) == 5
    assert all(isinstance(s.has_bidi_controls, bool) for s in summaries)


def test_a_failing_listing_turns_the_collector_back_on(library):
    library._db.execute("ALTER TABLE articles RENAME TO gone")
    with pytest.raises(LibraryError, match="no such table"):
        library.summaries()
    assert gc.isenabled()
