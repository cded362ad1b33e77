"""The actions as data, without Qt: each carries the call it makes on the window; the palette's ranking."""

from __future__ import annotations

from dataclasses import fields

from reader.text.normalize import NormalizeOptions
from reader.view.actions import ACTIONS, MATCHING_FIELDS, Call
from reader.view.command_search import PaletteEntry, clean_label, rank_actions

ENTRIES = [PaletteEntry(s.id, s.label, s.label) for s in ACTIONS]


class Window:
    class View:
        def step_passage(self, forward: bool) -> str:
            return f"passage {'forward' if forward else 'back'}"

    view = View()

    def set_option(self, field: str, value: bool) -> tuple[str, bool]:
        return field, value


def test_a_call_reaches_a_dotted_method_and_passes_the_state_last() -> None:
    assert Call("view.step_passage", (False,))(Window()) == "passage back"
    assert Call("set_option", ("hamza",))(Window(), True) == ("hamza", True)
    assert Call("view.missing").target_of(Window()) is None
    assert Call("view").target_of(Window()) is None  # an attribute, not a method


def test_every_action_has_a_handler_and_the_matching_ones_name_an_option() -> None:
    assert all(isinstance(spec.handler, Call) and spec.handler.method for spec in ACTIONS)
    option_names = {f.name for f in fields(NormalizeOptions)}
    assert set(MATCHING_FIELDS.values()) <= option_names
    assert sorted(MATCHING_FIELDS) == sorted(
        s.id for s in ACTIONS if s.id.startswith("matching.") and s.checkable
    )


def test_labels_are_cleaned_of_mnemonics_and_ellipses() -> None:
    assert clean_label("&Find in text…") == "Find in text"
    assert clean_label("Fish && chips") == "Fish & chips"


def test_empty_query_lists_everything_in_declaration_order():
    assert rank_actions("", ENTRIES) == [s.id for s in ACTIONS]


def test_substring_and_prefix_matches_rank_first():
    assert rank_actions("swap", ENTRIES)[0] == "pair.swap"
    assert rank_actions("zoom", ENTRIES)[:3] == ["zoom.in", "zoom.out", "zoom.reset"]
    assert rank_actions("next diff", ENTRIES)[0] == "diff.next"
    assert rank_actions("NEXT DIFFERENCE", ENTRIES)[0] == "diff.next"
    assert rank_actions("keyboard", ENTRIES)[0] == "help.keymap"


def test_ids_and_loose_letters_match_too():
    assert rank_actions("pair.swap", ENTRIES) == ["pair.swap"]
    assert "view.hidden_characters" in rank_actions("hddn chr", ENTRIES)  # letters in order
    assert rank_actions("xyzzy", ENTRIES) == []


def test_translated_labels_match_with_arabic_folds():
    entries = [PaletteEntry("pair.swap", "تبديل الجانبين", "Swap sides"),
               PaletteEntry("find.open", "البحث في النصّ…", "Find in text…")]  # fmt: skip
    assert rank_actions("النص", entries) == ["find.open"]  # shadda and ellipsis ignored
    assert rank_actions("swap", entries) == ["pair.swap"]  # English still works
    assert rank_actions("تبديل", entries) == ["pair.swap"]
