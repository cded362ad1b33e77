"""RSS and Atom feeds from a file or a URL, served by a local HTTP server the test starts on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from library_helpers import seed_text

from reader.cli import main
from reader.library import open_library
from reader.library.feeds import FeedSettings, feed_items

PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>الرئيسية | رياضة | اقتصاد</nav><article><h1>{title}</h1>{paragraphs}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def _page(prefix: str, title: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in seed_text(prefix).split("\n") if p.strip())
    return PAGE.format(title=title, paragraphs=paragraphs).encode("utf-8")


def _rss(base: str) -> bytes:
    full = "".join(f"<p>{p}</p>" for p in seed_text("002").split("\n") if p.strip())
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>صحيفة الاختبار</title><link>{base}/</link>
<item><title>خبر كامل في الموجز</title><link>{base}/full</link>
<pubDate>Tue, 21 Jul 2015 08:30:00 GMT</pubDate><author>محرر الاختبار</author>
<description>ملخص قصير</description><content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>خبر بملخص فقط</title><link>{base}/page/1</link>
<pubDate>Tue, 21 Jul 2015 09:45:10 GMT</pubDate><description>ملخص قصير للخبر الثاني</description></item>
<item><title>صفحة مفقودة</title><link>{base}/missing</link><description>لا صفحة</description></item>
<item><title>صفحة بطيئة</title><link>{base}/slow</link><description>صفحة لا تجيب</description></item>
</channel></rss>""".encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/feed.xml": ("application/rss+xml", _rss(base)),
            "/page/1": ("text/html; charset=utf-8", _page("000", "قمة واشنطن وآسيا الوسطى")),
            "/broken.xml": ("application/rss+xml", b"<rss><channel><title>x</title><item><title>"),
            "/atom.xml": ("application/atom+xml", _atom(base)),
        }
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        kind, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _atom(base: str) -> bytes:
    text = seed_text("003").split("\n")[0]
    return f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>وكالة أتوم</title><id>urn:x</id><updated>2015-08-01T10:00:00Z</updated>
<entry><title>خبر أتوم</title><id>urn:1</id><link href="{base}/atom/1"/>
<updated>2015-08-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;{text}&lt;/p&gt;</content></entry></feed>""".encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (the timeout tests) breaks the slow reply's pipe: expected, and
        the default would print a traceback into the next test's captured stderr."""


@contextmanager
def _server():
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site():
    with _server() as base:
        yield base


@pytest.fixture
def library(tmp_path):
    lib = open_library(tmp_path / "library.sqlite3", seed_if_empty=False)
    yield lib
    lib.close()


def _import(library, source: str, timeout: float = 0.5):
    items = [(label, make, None) for label, make in feed_items(source, FeedSettings(timeout=timeout))]
    return library.import_items(items)


def test_a_feed_by_url_full_content_and_linked_pages(library, site):
    report = _import(library, f"{site}/feed.xml")
    assert len(report.imported) == 2
    full = library.article(report.imported[0])
    assert (full.title, full.source, full.date, full.time) == (
        "خبر كامل في الموجز",
        "صحيفة الاختبار",
        "2015-07-21",
        "08:30:00",
    )
    assert full.author == "محرر الاختبار" and full.origin == f"{site}/full" and full.format == "feed"
    assert full.text.split("\n")[0] == seed_text("002").split("\n")[0]
    page = library.article(report.imported[1])
    assert page.format == "html" and page.time == "09:45:10" and page.source == "صحيفة الاختبار"
    assert "آسيا الوسطى" in page.text and "الرئيسية | رياضة" not in page.text  # the page, not the summary
    assert page.original.startswith(b"<!DOCTYPE html>")
    reasons = dict(report.failed)
    assert reasons[f"{site}/missing"].endswith("failed: the server answered 404 Not Found")
    assert reasons[f"{site}/slow"].endswith("failed: no answer within 0.5 s")
    assert library.count() == 2  # nothing of the failed entries


def test_an_atom_feed_from_a_file(library, site, tmp_path):
    path = tmp_path / "news.atom"
    path.write_bytes(_atom(site))
    report = library.import_paths([path])
    assert report.ok and len(report.imported) == 1
    article = library.article(report.imported[0])
    assert (article.title, article.source, article.date) == ("خبر أتوم", "وكالة أتوم", "2015-08-01")
    assert article.text == seed_text("003").split("\n")[0].strip()


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/broken.xml", "not an RSS or Atom feed ("),
        ("/nothing.xml", "the server answered 404 Not Found"),
        ("/slow", "no answer within 0.5 s"),
    ],
)
def test_a_feed_that_fails_is_one_line(library, site, path, reason):
    from reader.library.errors import LibraryError

    with pytest.raises(LibraryError) as raised:
        list(feed_items(f"{site}{path}", FeedSettings(timeout=0.5)))
    assert str(raised.value).startswith(reason) and "\n" not in str(raised.value)
    assert library.count() == 0


def test_qarin_import_url_names_each_failure(tmp_path, site, capsys):
    lib = str(tmp_path / "lib.sqlite3")
    code = main(["import", f"{site}/atom.xml", f"{site}/broken.xml", "--library", lib])
    out, err = capsys.readouterr()
    assert code == 1 and "1 imported, 0 already there, 1 failed" in out
    assert err.strip().startswith(f"qarin: {site}/broken.xml: not an RSS or Atom feed"), err
    code = main(["import", "http://127.0.0.1:9/feed.xml", "--library", lib])
    assert code == 1
    assert (
        capsys.readouterr().err.strip()
        == "qarin: http://127.0.0.1:9/feed.xml: cannot connect: Connection refused"
    )
