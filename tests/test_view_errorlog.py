"""Unexpected errors go to the log file with their traceback, not to the screen."""

from __future__ import annotations

from reader.view import errorlog


def test_an_error_is_written_to_the_log_file(tmp_path, monkeypatch):
    monkeypatch.setattr(errorlog, "log_path", lambda: tmp_path / "logs" / "qarin.log")
    try:
        raise ValueError("the pipe broke")
    except ValueError as error:
        path = errorlog.record_error(error, "comparison failed")
    text = path.read_text(encoding="utf-8")
    assert "comparison failed" in text and "ValueError: the pipe broke" in text and "Traceback" in text
