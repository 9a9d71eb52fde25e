from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.html import HtmlDocument, parse_html
from claimtrack.textmap import plain_marks

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


def test_article_page_keeps_only_the_story() -> None:
    _, document = load("article_page.html")
    assert document.body.paragraph_texts() == [
        "The city council voted 7\u20132 on Monday to approve a $4.2 million harbour budget, the largest in a "
        "decade.",
        '"This is a historic day for the port," said Mayor Ana Ruiz, who also runs the Caf\u00e9 Marina '
        "on the waterfront.",
        "Critics, including the Harbour Users' Group, said the plan was rushed and called for a second vote.",
        "Officials said the ferry will carry up to 300 passengers & 40 cars, and that the city's share of the "
        "cost is 18%.",
        "We have waited twenty years for this,",
        "said harbour master Tom Berg.",
    ]
    assert "\n\n".join(document.body.paragraph_texts()) == document.body.text.text
    # The byline, its date and the photo's caption are the page's, not claims of the story.
    assert [block.excerpt for block in document.left_out] == [
        "The Coastal Ledger", "News", "Sport", "By Jane Doe", "March 5, 2024", "The new ferry at the quay.", "Related",
        "Ferry fares to rise", "Share", "Ferry fares to rise", "Fares go up in May.", "\u00a9 2024 The Coastal Ledger",
        "Jane Doe covers the harbour and city hall.",
    ]


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


def test_page_without_article_reads_the_story_from_the_body() -> None:
    source, document = load("no_article_page.html")
    assert document.body.paragraph_texts() == [
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


# --- the story and the page around it ------------------------------------------------------------------

DIV_SOUP_STORY = [
    "Fifteen people died and 64 were rescued after a passenger ferry capsized in heavy seas off Port Ellis late on "
    "Friday, the coastguard said.",
    "The MV Selkie was carrying 79 passengers and six crew when it overturned about two miles from the harbour "
    "mouth, shortly before 11pm.",
    '"Our crews worked through the night in waves of up to five metres," said coastguard commander Ian Muir. '
    '"We pulled 64 people from the water, and we are still searching."',
    "Mayor Fiona Laing said the town's sports hall had been opened for survivors and relatives, and that 30 "
    "volunteers were helping the emergency services.",
    "The ferry's operator, Isles Link, said in a statement that the vessel had passed its annual inspection in "
    "March and that it would co-operate fully with investigators.",
    "According to the Marine Accident Investigation Branch, inspectors would arrive on Saturday morning. Six "
    "people remain in hospital, two of them in a critical condition, police said.",
]


def left_out_texts(document: HtmlDocument) -> list[str]:
    return [block.excerpt for block in document.left_out]


def test_div_soup_page_reads_the_story_and_leaves_out_the_page_around_it() -> None:
    source, document = load("div_soup_page.html")
    assert document.body.paragraph_texts() == DIV_SOUP_STORY
    assert document.story_found_by == "trafilatura"
    left_out = " | ".join(left_out_texts(document))
    for furniture in ("142 partners use cookies", "FTSE 100 8,273.1", "The mayor said 20 died, not 15",
                      "over 100 people aboard", "Most read", "Council tax to rise 4.99%", "7 biggest stories",
                      "one of 12 regional titles", "By Ruth Okafor"):
        assert furniture in left_out
    assert_words_map_back(source, document)


def test_a_comment_quoting_the_story_is_left_out_though_its_words_are_the_story() -> None:
    _, document = load("div_soup_page.html")
    quoting = [text for text in left_out_texts(document) if text.startswith("\u201cWe pulled 64 people")]
    assert len(quoting) == 1
    assert document.body.text.text.count("We pulled 64 people") == 1


def test_article_page_leaves_out_related_links_and_the_bylines_date() -> None:
    source, document = load("article_related_page.html")
    assert document.body.paragraph_texts()[0] == "Water bills to rise 8% from April, regulator says"
    assert document.body.paragraph_texts()[-1] == (
        "The government said a social tariff scheme would help about 1.5 million low-income households.")
    assert len(document.body.paragraphs) == 6
    for furniture in ("Thursday 1 February 2024 06:00 GMT, updated 2 hours ago", "Related",
                      "Energy price cap to fall 12% in spring, analysts predict",
                      "Council tax: 4 in 10 councils plan maximum rise"):
        assert furniture in left_out_texts(document)
    assert_words_map_back(source, document)


def test_short_story_is_read_without_the_sidebar() -> None:
    _, document = load("short_story_page.html")
    assert document.body.paragraph_texts() == [
        "Bypass closed after lorry fire",
        "The A7 bypass at Selkirk was closed for 6 hours on Tuesday after a lorry caught fire, police said. "
        "Nobody was hurt.",
    ]


def test_table_in_the_story_is_read_cell_by_cell() -> None:
    source, document = load("table_story_page.html")
    paragraphs = document.body.paragraph_texts()
    assert paragraphs[paragraphs.index("Amira Hassan"):paragraphs.index("Amira Hassan") + 4] == [
        "Amira Hassan", "Labour", "1,106", "41.2%"]
    assert paragraphs[-1].endswith("their vote had risen by 15 points since 2022.")
    assert "This site uses cookies. We and 87 partners process your data. OK" in left_out_texts(document)
    assert "Posted 8 March 2024" in left_out_texts(document)
    assert_words_map_back(source, document)


@pytest.mark.parametrize("name", [path.name for path in sorted(FIXTURES.glob("*.html"))])
def test_whole_page_reads_every_block_left_out(name: str) -> None:
    source, document = load(name)
    whole = parse_html(source, whole_page=True)
    assert whole.left_out == [] and whole.story_found_by == "the whole page"
    whole_paragraphs = whole.body.paragraph_texts()
    for paragraph in document.body.paragraph_texts():
        assert paragraph in whole_paragraphs
    for block in document.left_out:
        assert any(paragraph.startswith(plain_marks(block.excerpt)) for paragraph in whole_paragraphs), block.excerpt
    assert len(whole_paragraphs) == len(document.body.paragraphs) + len(document.left_out)
    assert_words_map_back(source, whole)


@pytest.mark.parametrize("name", [path.name for path in sorted(FIXTURES.glob("*.html"))])
def test_left_out_blocks_point_at_their_text_in_the_source(name: str) -> None:
    source, document = load(name)
    for block in document.left_out:
        shown = html.unescape(re.sub(r"<[^>]*>", "", source[block.start:block.end]))
        assert "".join(shown.split()).startswith(block.excerpt.replace(" ", ""))
        assert block.characters >= len(block.excerpt)


def test_without_the_extractor_the_article_element_is_read_as_before(monkeypatch) -> None:
    monkeypatch.setattr("claimtrack.main_content.extractor_installed", lambda: False)
    _, document = load("article_page.html")
    assert document.story_found_by == "<article>"
    assert document.body.paragraph_texts()[:2] == ["By Jane Doe", "March 5, 2024"]
    assert "Ferry fares to rise" in left_out_texts(document)


def test_a_page_of_more_blocks_than_the_extractor_judges_is_read_whole_with_a_note(monkeypatch) -> None:
    def judged(source, starts):
        raise AssertionError("the extractor was asked to judge a page of too many blocks")

    monkeypatch.setattr("claimtrack.html.MOST_BLOCKS_JUDGED", 3)
    monkeypatch.setattr("claimtrack.html.story_blocks", judged)
    rows = "".join(f"<tr><td>Officials said {n} homes lost power.</td></tr>" for n in range(4))
    document = parse_html(f"<html><body><table>{rows}</table><p>Police said 12 people were hurt.</p></body></html>")
    assert document.body.paragraph_texts()[-1] == "Police said 12 people were hurt."
    assert len(document.body.paragraph_texts()) == 5 and document.left_out == []
    assert document.notes == ["5 blocks of text, more than the 3 that trafilatura is asked to judge: all of the "
                              "page's <body> is read as the story"]


def test_marker_characters_on_the_page_are_never_read_as_markers() -> None:
    marks = "\u2e28\u2e29\u27e6\u27e7\u2983\u2984"
    source = (FIXTURES / "div_soup_page.html").read_text(encoding="utf-8").replace(
        "Thoughts with all", f"{marks} \u2e280\u2e29 Thoughts with all")
    document = parse_html(source)
    assert document.story_found_by == "<body>"
    assert document.body.paragraph_texts()[-1].startswith("\u00a9 2024 Northern Herald")


@pytest.fixture(scope="module")
def page_claims():
    import claimtrack
    from claimtrack.load import load as load_paths

    articles = load_paths(sorted(FIXTURES.glob("*.html"))).articles
    claims = claimtrack.extract(articles)
    return {article.id: (article, [claim for claim in claims if claim.article == article.id]) for article in articles}


@pytest.mark.model
@pytest.mark.parametrize("name", ["div_soup_page.html", "article_related_page.html", "short_story_page.html",
                                  "table_story_page.html"])
def test_claims_come_from_the_story_and_point_at_its_characters(page_claims, name: str) -> None:
    article, claims = page_claims[name]
    assert claims
    source = (FIXTURES / name).read_text(encoding="utf-8")
    assert article.text == source
    for claim in claims:
        written = plain_marks(html.unescape(re.sub(r"<[^>]*>", "", source[claim.start:claim.end])))
        assert " ".join(written.split()) == claim.claim_text, claim.id
        assert not any(block.start <= claim.start < block.end for block in article.left_out), claim.id


@pytest.mark.model
def test_figures_of_the_page_around_the_story_are_not_claims(page_claims) -> None:
    def claim_texts(name: str) -> set[str]:
        return {claim.claim_text for claim in page_claims[name][1]}

    assert {"Fifteen people", "79 passengers", "30 volunteers"} <= claim_texts("div_soup_page.html")
    assert {"about £35", "9.2%"} <= claim_texts("article_related_page.html")
    assert {"1,106", "41.2%"} <= claim_texts("table_story_page.html")
    found = " | ".join(text for name in page_claims for text in claim_texts(name))
    for furniture in ("20", "142", "8,273.1", "100 people", "4.99%", "£18m", "2.3 million", "12%", "£90m", "87",
                      "50%", "45 jobs", "14°C", "£2"):
        assert furniture not in found.split(" | "), furniture
        assert not any(text.startswith(f"{furniture} ") for text in found.split(" | ")), furniture
