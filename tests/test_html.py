from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.html import HtmlDocument, parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"
WORD = re.compile(r"[^\W_]+")
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def load(name: str) -> tuple[str, HtmlDocument]:
    source = (FIXTURES / name).read_text(encoding="utf-8")
    return source, parse_html(source)


def original(source: str, document: HtmlDocument, start: int, end: int) -> str:
    original_start, original_end = document.body.text.original_span(start, end)
    return source[original_start:original_end]


def assert_words_map_back(source: str, document: HtmlDocument) -> None:
    """Every word of every paragraph maps onto itself in the source, or onto the entities spelling it."""
    text = document.body.text.text
    for start, end in document.body.paragraphs:
        assert start < end <= len(text)
        for word in WORD.finditer(text, start, end):
            mapped = original(source, document, word.start(), word.end())
            assert html.unescape(mapped) == word.group()
            if "&" not in mapped:
                assert mapped == word.group()


def assert_alphanumerics_map_back(source: str, document: HtmlDocument) -> None:
    """Each letter or digit maps onto itself or onto the entity spelling it; so does each run of them,
    unless markup in the source splits it (as in "<b>W</b>ord"). Invisible characters (soft hyphens,
    zero-width spaces) are left out of the text, and mojibake ("Ã©") maps onto what it repairs."""
    text = document.body.text.text
    for run in WORD.finditer(text):
        mapped = original(source, document, run.start(), run.end())
        if document.body.repaired:
            # Repairs depend on their context ("Î\x88" alone or inside a longer stretch), so only check
            # that the run maps onto some of the source.
            assert mapped
            continue
        if "<" not in mapped and "&" not in mapped:
            assert INVISIBLE.sub("", mapped) == run.group()
        for index in range(run.start(), run.end()):
            mapped = original(source, document, index, index + 1)
            assert mapped == text[index] or (mapped.startswith("&") and text[index] in html.unescape(mapped))


def analysis_span(document: HtmlDocument, needle: str) -> tuple[int, int]:
    start = document.body.text.text.index(needle)
    return start, start + len(needle)


def test_article_page_keeps_only_the_article_text() -> None:
    _, document = load("article_page.html")
    assert document.body.paragraph_texts() == [
        "By Jane Doe",
        "March 5, 2024",
        "The city council voted 7\u20132 on Monday to approve a $4.2 million harbour budget, the largest in a "
        "decade.",
        '"This is a historic day for the port," said Mayor Ana Ruiz, who also runs the Caf\u00e9 Marina '
        "on the waterfront.",
        "Critics, including the Harbour Users' Group, said the plan was rushed and called for a second vote.",
        "The new ferry at the quay.",
        "Officials said the ferry will carry up to 300 passengers & 40 cars, and that the city's share of the "
        "cost is 18%.",
        "We have waited twenty years for this,",
        "said harbour master Tom Berg.",
    ]
    assert "\n\n".join(document.body.paragraph_texts()) == document.body.text.text


def test_article_page_metadata() -> None:
    _, document = load("article_page.html")
    assert document.title == "Council approves harbour budget & new ferry"
    assert document.byline == "Jane Doe"
    assert document.outlet == "The Coastal Ledger"
    assert document.published == "2024-03-05T09:30:00Z"
    assert document.url == "https://ledger.example/news/harbour-budget"


def test_article_page_words_map_back_to_the_source() -> None:
    source, document = load("article_page.html")
    assert_words_map_back(source, document)


def test_entities_map_onto_the_entity() -> None:
    source, document = load("article_page.html")
    assert original(source, document, *analysis_span(document, "&")) == "&amp;"
    assert original(source, document, *analysis_span(document, '"This')) == "&#8220;This"
    assert original(source, document, *analysis_span(document, 'port,"')) == "port,&#8221;"
    assert original(source, document, *analysis_span(document, "Caf\u00e9")) == "Caf&eacute;"
    assert original(source, document, *analysis_span(document, "7\u20132")) == "7&ndash;2"
    assert original(source, document, *analysis_span(document, "4.2 million")) == "4.2&nbsp;million"
    assert original(source, document, *analysis_span(document, "Users'")) == "Users&#39;"


def test_literal_typographic_quote_maps_one_to_one() -> None:
    source, document = load("article_page.html")
    assert original(source, document, *analysis_span(document, "city's")) == "city\u2019s"


def test_copied_text_spans_line_breaks_in_the_source() -> None:
    source, document = load("article_page.html")
    mapped = original(source, document, *analysis_span(document, "harbour budget, the largest"))
    assert mapped.split() == ["harbour", "budget,", "the", "largest"]
    assert "\n" in mapped


def test_nothing_from_scripts_styles_or_boilerplate_reaches_the_text() -> None:
    _, document = load("article_page.html")
    text = document.body.text.text
    assert "SECRET" not in text
    for boilerplate in ("News", "Sport", "Related", "Share", "Coastal Ledger", "Ferry fares", "Fares", "covers"):
        assert boilerplate not in text


def test_headline_equal_to_the_title_is_not_repeated_in_the_body() -> None:
    _, document = load("article_page.html")
    assert document.title is not None
    assert document.title not in document.body.text.text


def test_broken_page() -> None:
    source, document = load("broken_page.html")
    assert document.body.paragraph_texts() == [
        "Flood warnings issued as river rises",
        "Water levels rose 1.5 metres overnight, the agency said.",
        "Readings of 4.1 m (< 4.5 m record) were taken at dawn.",
        "Sandbags are available at the town hall",
        "and the fire station.",
        "Schools will stay closed on Tuesday & Wednesday.",
        "Call 0800 123 456 for updates.",
        "Updated at 9am.",
    ]
    assert document.title == "Flood warning for river towns"
    assert document.byline == "Sam Lee"
    assert document.published == "2023-11-20"
    assert document.outlet is None
    assert document.url is None
    assert original(source, document, *analysis_span(document, "&")) == "&amp"
    assert original(source, document, *analysis_span(document, "0800 123")) == "0800&#x20;123"
    assert_words_map_back(source, document)


def test_page_without_article_uses_the_body() -> None:
    source, document = load("no_article_page.html")
    assert document.body.paragraph_texts() == [
        "Valley Gazette",
        "by Priya Natarajan \u00b7 9 Jan",
        "The old paper mill on Canal Street reopened on Tuesday, bringing 120 jobs back to the valley.",
        "Owner Tom Hale said output would reach 50 tonnes a day by June.",
        "Shifts start at 6am",
        "Training is paid",
        "Year",
        "Status",
    ]
    assert document.title == "Paper mill reopens with 120 jobs"
    assert document.byline == "Priya Natarajan"
    assert document.outlet == "Valley Gazette"
    assert document.published == "2024-01-09"
    assert document.url == "https://valley.example/2024/01/09/mill-reopens"
    assert_words_map_back(source, document)


def test_role_main_is_used_and_a_headline_unlike_the_title_is_kept() -> None:
    source, document = load("role_main_page.html")
    assert document.body.paragraph_texts() == [
        "Bridge closed",
        "3 June \u2013 The Elm Street bridge will close for six weeks from Monday.",
    ]
    assert document.title == "Bridge closed for repairs"
    assert document.published == "2024-06-03"
    assert (document.byline, document.outlet, document.url) == (None, None, None)
    assert_words_map_back(source, document)


def test_windows_line_endings_keep_offsets_exact() -> None:
    source = (FIXTURES / "article_page.html").read_text(encoding="utf-8").replace("\n", "\r\n")
    document = parse_html(source)
    assert document.body.paragraph_texts() == load("article_page.html")[1].body.paragraph_texts()
    assert_words_map_back(source, document)


def test_unterminated_comment_hides_the_rest_of_the_page() -> None:
    document = parse_html("<p>Before</p><!-- note <script>x = 'hidden'</script><p>hidden too</p>")
    assert document.body.paragraph_texts() == ["Before"]


def test_malformed_character_references_do_not_release_script_text() -> None:
    source = "<p>A &#; B &#; C</p><script>var hidden = 1;</script><p>D &#z E &amp; F</p>"
    document = parse_html(source)
    assert document.body.paragraph_texts() == ["A &#; B &#; C", "D &#z E & F"]
    assert_words_map_back(source, document)


def test_malformed_character_reference_with_no_semicolon_after_it_releases_nothing() -> None:
    document = parse_html("<p>D &#z E</p><script>var hidden = 1</script><p>G</p>")
    assert document.body.paragraph_texts()[0].startswith("D")
    assert "hidden" not in document.body.text.text


def test_marked_sections_are_comments() -> None:
    document = parse_html("<p>one<![foo[ two ]]> three<![ four</p>")
    assert document.body.paragraph_texts() == ["one three"]


def test_no_markup_at_all() -> None:
    source = "Just text,\n  on two lines &amp; an entity."
    document = parse_html(source)
    assert document.body.paragraph_texts() == ["Just text, on two lines & an entity."]
    assert document.title is None
    assert_words_map_back(source, document)


def test_empty_document() -> None:
    document = parse_html("")
    assert document.body.text.text == ""
    assert document.body.paragraphs == []


# Fragments after which a "<script>" or "<style>" tag is still read as a tag (or, after an unterminated
# "<!--", as part of a comment), so what follows those tags below is never text by the rules browsers follow.
CLOSED_FRAGMENTS = [
    "<p>", "</p>", "<div class=x>", "</div>", "</span>", "<b>", "</b>", "<br>", "<br/>", "<hr />",
    "<P CLASS=A>", "<article>", "</article>", "<main>", "<div role='main'>", "<h1>", "</h1>", "<title>",
    "</title>", "<head>", "</head>", "<body>", "</body>", "</html>", "<nav>", "</nav>", "<aside>", "<svg>",
    "</svg>", "<template>", "<!-- note -->", "<!---->", "<!--", "-->", "<![CDATA[ x ]]>", "<![if !IE]>",
    "<?php echo 1 ?>", "<!DOCTYPE html>", "</>", "< ", ">", "]]>", '"', "'", "&", "&amp;", "&amp", "&#8220;",
    "&#x41;", "&#65", "&#", "&#;", "&#x;", "&nbsp;", "&notit;", "&bogus;", ";", "\n", "\r\n", " ", "\t",
    "<script>", "</script>", "<style>", "</style>", "<meta name=author content='A B'>", "<time datetime=2020>",
]
HIDDEN_OPENERS = ["<script>", "<SCRIPT type=text/javascript>", "<style>", "<Style media=all>"]
TEXT = st.text(alphabet=st.characters(exclude_characters="<", exclude_categories=("Cs",)), max_size=12)
HIDDEN_CONTENT = st.sampled_from(HIDDEN_OPENERS).map(lambda opener: opener + "SECRET")
TAG_SOUP = st.lists(st.one_of(st.sampled_from(CLOSED_FRAGMENTS), TEXT, HIDDEN_CONTENT), max_size=40).map("".join)
ANY_FRAGMENT = st.one_of(
    st.sampled_from(CLOSED_FRAGMENTS),
    st.sampled_from(["<", "</", "<a href='", '<img alt="', "<![CDATA[", "<?", "<!x", "<scr", "<a<b>", "<p/"]),
    st.text(max_size=12),
)


@given(st.text())
def test_arbitrary_text_never_raises_and_maps_back(source: str) -> None:
    assert_alphanumerics_map_back(source, parse_html(source))


@given(st.lists(ANY_FRAGMENT, max_size=40).map("".join))
def test_arbitrary_tag_fragments_never_raise_and_map_back(source: str) -> None:
    assert_alphanumerics_map_back(source, parse_html(source))


@given(TAG_SOUP)
def test_script_and_style_content_never_reaches_the_text(source: str) -> None:
    document = parse_html(source)
    assert "SECRET" not in document.body.text.text
    for value in (document.title, document.byline, document.outlet, document.published, document.url):
        assert value is None or "SECRET" not in value
    assert_alphanumerics_map_back(source, document)


@pytest.mark.parametrize("nested", ["<article>", "<h1>", '<span class="author">', '<div role="main">'])
def test_thousands_of_nested_elements_are_read_once(nested):
    # Each element read on its own made the time grow with the square of the nesting.
    end_tag = f"</{nested[1:].split()[0].rstrip('>')}>"
    page = "<body><article>" + f"{nested}word " * 20_000 + end_tag * 20_000 + \
        "<p>Police said 12 people were hurt.</p></article></body>"
    document = parse_html(page)
    assert document.body.text.text.endswith("Police said 12 people were hurt.")
