"""Decoding unknown text files: encodings of the seed articles round-trip, bad input is refused clearly."""

from __future__ import annotations

import codecs
import os
import random
from importlib import resources

import pytest

from reader.text import decoding
from reader.text.decoding import Decoded, InputError, decode_bytes, decode_document, read_text_file

SEED_NAMES = sorted(p.name for p in resources.files("reader.seeds").iterdir() if p.name.endswith(".txt"))
# ISO-8859-6 has Arabic and ASCII only: the seeds' typographic quotes, dashes and © must go first.
ISO_8859_6_SUBSTITUTES = str.maketrans({"“": '"', "”": '"', "–": "-", "—": "-", "©": "(c)"})


def seed_text(name: str) -> str:
    data = resources.files("reader.seeds").joinpath(name).read_bytes()
    return data.decode("utf-8")


@pytest.fixture(params=SEED_NAMES)
def seed(request) -> str:
    return seed_text(request.param)


def test_there_are_five_arabic_seeds():
    assert len(SEED_NAMES) == 5
    assert all(sum("\u0600" <= ch <= "\u06ff" for ch in seed_text(name)) > 1000 for name in SEED_NAMES)


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("cp1256", "cp1256"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-32-le", "utf-32-le"),
        ("utf-32-be", "utf-32-be"),
    ],
)
def test_seed_round_trips_without_bom(seed, encoding, expected):
    decoded = decode_bytes(seed.encode(encoding))
    assert decoded == Decoded(seed, expected, False)


def test_seed_round_trips_in_iso_8859_6(seed):
    text = seed.translate(ISO_8859_6_SUBSTITUTES)
    decoded = decode_bytes(text.encode("iso-8859-6"))
    assert decoded.text == text
    assert decoded.encoding == "iso8859-6"


@pytest.mark.parametrize("encoding", ["cp1256", "iso-8859-6"])
def test_a_single_arabic_sentence_in_a_code_page_decodes(encoding):
    sentence = "استضاف الرئيس الأمريكي قادة خمس دول من آسيا الوسطى."
    assert decode_bytes(sentence.encode(encoding)).text == sentence


@pytest.mark.parametrize(
    "bom, encoding",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_byte_order_mark_decides_and_is_not_part_of_the_text(seed, bom, encoding):
    decoded = decode_bytes(bom + seed.encode(encoding))
    assert decoded == Decoded(seed, encoding, True)
    assert not decoded.text.startswith("\ufeff")


def test_newlines_are_kept_exactly_so_offsets_stay_true(seed):
    text = seed.replace("\n", "\r\n")
    for encoding in ("utf-8", "cp1256", "utf-16-le"):
        assert decode_bytes(text.encode(encoding)).text == text


def test_a_bom_that_lies_is_an_error():
    with pytest.raises(InputError, match="not valid utf-8 .*byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + "نص".encode("cp1256") + b"\xff\xfe\xfd")


def test_read_text_file_decodes_a_cp1256_file(tmp_path, seed):
    path = tmp_path / "article.txt"
    path.write_bytes(seed.encode("cp1256"))
    assert read_text_file(path) == Decoded(seed, "cp1256", False)


def test_utf8_cut_in_the_middle_of_a_letter_is_still_utf8(seed):
    last_letter = max(i for i, ch in enumerate(seed) if "\u0621" <= ch <= "\u064a")
    cut = seed[: last_letter + 1].encode("utf-8")[:-1]  # the last Arabic letter loses its second byte
    decoded = decode_bytes(cut)
    assert decoded == Decoded(seed[:last_letter] + "\ufffd", "utf-8", False, replaced=1)


def test_a_short_utf8_text_cut_mid_letter_is_not_read_as_cp1256():
    assert decode_bytes("نص قصير".encode()[:-1]) == Decoded("نص قصي\ufffd", "utf-8", False, 1)


def test_one_bad_byte_in_a_utf8_article_is_replaced_not_misread(seed):
    data = seed.encode("utf-8")
    middle = data.index(b" ", len(data) // 2)  # between two words: one clean error
    decoded = decode_bytes(data[:middle] + b"\xff" + data[middle:])
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text == seed[: len(data[:middle].decode())] + "\ufffd" + data[middle:].decode()


def test_many_broken_sequences_are_not_utf8(seed):
    # cp1256 bytes break UTF-8 at nearly every letter: it must not be "repaired" as UTF-8.
    decoded = decode_bytes(seed.encode("cp1256"))
    assert decoded.replaced == 0 and decoded.encoding == "cp1256"


# ------------------------------------------------------------------------------------- bad input


def test_missing_file(tmp_path):
    path = tmp_path / "nothing.txt"
    with pytest.raises(InputError, match=r"nothing\.txt: no such file"):
        read_text_file(path)


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_text_file(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("نص", encoding="utf-8")

    real_open = os.open

    def refuse(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    # chmod 000 does not stop root, so refuse the open itself.
    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError, match=r"secret\.txt: permission denied"):
        read_text_file(path)


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t  ", codecs.BOM_UTF8, " \n".encode("utf-16")])
def test_empty_or_whitespace_only(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"empty\.txt: file is empty"):
        read_text_file(path)


def test_binary_with_nul_bytes(tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match=r"picture\.png: binary data, not text"):
        read_text_file(path)


def test_utf16_text_is_not_mistaken_for_binary_because_of_its_nuls(seed):
    data = seed.encode("utf-16-le")
    assert b"\x00" in data
    assert decode_bytes(data).text == seed


def test_control_characters_mean_binary():
    data = bytes(random.Random(1).choice(range(1, 9)) for _ in range(2000))
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data)


def test_undecodable_bytes(tmp_path):
    noise = bytes(b for b in random.Random(7).randbytes(6000) if b)  # no NUL: not "binary" by that rule
    path = tmp_path / "noise.txt"
    path.write_bytes(noise)
    with pytest.raises(InputError, match=r"noise\.txt: not text in any encoding"):
        read_text_file(path)


def test_over_the_size_limit_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(decoding.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    # 64 MiB + 1 byte rounds to the limit: "too large (64.0 MiB; the limit is 64.0 MiB)" would mislead
    with pytest.raises(InputError, match=r"huge\.txt: too large \(over the limit of 64\.0 MiB\)"):
        read_text_file(path)


def test_a_smaller_limit_can_be_given(tmp_path, seed):
    path = tmp_path / "a.txt"
    path.write_text(seed, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_text_file(path, max_bytes=100)


def test_decode_document_names_its_source():
    with pytest.raises(InputError, match="^stdin: binary"):
        decode_document(b"\x00\x01\x02\x00\x00\x00", "stdin")
    assert decode_document("نص".encode(), "stdin").text == "نص"


def test_messages_are_one_line(tmp_path):
    cases = [tmp_path / "missing", tmp_path]
    (tmp_path / "bin").write_bytes(bytes(range(256)) * 2)
    cases.append(tmp_path / "bin")
    for path in cases:
        with pytest.raises(InputError) as caught:
            read_text_file(path)
        assert "\n" not in str(caught.value)
        assert str(path) in str(caught.value)
