"""one_line and site_url: text for mail headers and links made outside a request."""

from frivillig.lib.text import one_line, site_url


def test_one_line_makes_every_run_of_whitespace_one_space():
    assert one_line("Karen\r\nBcc: x@example.org\t  Hansen ") == "Karen Bcc: x@example.org Hansen"


def test_one_line_accepts_lazy_translations_and_other_objects():
    assert one_line(12) == "12"


def test_site_url_puts_the_configured_address_before_the_path(settings):
    settings.SITE_URL = "https://frivillig.example.dk"

    assert site_url("/foreninger/") == "https://frivillig.example.dk/foreninger/"
