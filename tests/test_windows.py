import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extractors.quotes import pair_quote_marks
from claimtrack.extractors.windows import claim_windows, sentence_spans

pieces = st.sampled_from([
    "Police said 12 people were hurt.", "The council met on Monday.", '"We will rebuild," she said.',
    'He called it "a disaster', '." ', "Rep. Elijah E. Cummings said so.", "It was quiet.", " ", "thousands",
    "Nothing happened here. ", '"', "?", "Mayor Lopez spoke. ", "Two-thirds agreed!", "\u201cCurly\u201d",
])
paragraphs = st.one_of(st.lists(pieces, max_size=14).map(" ".join), st.text(max_size=200))


def windows_of(text):
    paired = pair_quote_marks(text, {})
    return claim_windows(text, paired.quotes), paired.quotes


def test_sentences_without_figures_or_quotes_are_not_parsed():
    text = "The council met on Monday. Police said 12 people were hurt. It was quiet. The end came."
    [(start, end)] = claim_windows(text, [])
    assert text[start:end].strip() == "Police said 12 people were hurt."


def test_quote_sentences_keep_their_neighbours_and_abbreviations_do_not_end_sentences():
    text = 'It rained. Mayor Lopez spoke. "We have no choice," Rep. Elijah E. Cummings said. It was late. Fine.'
    [(start, end)] = claim_windows(text, pair_quote_marks(text, {}).quotes)
    assert text[start:end].strip() == 'Mayor Lopez spoke. "We have no choice," Rep. Elijah E. Cummings said. It was late.'


def test_initialisms_and_states_do_not_end_sentences():
    """"U.S. 52" and "DORSEY, Ky. (AP) —" are inside their sentences: a window cut there loses the subject."""
    text = "It rained. DORSEY, Ky. (AP) — A truck overturned on U.S. 52 about 4 miles north of town. It was late."
    [(start, end)] = claim_windows(text, [])
    assert text[start:end].strip() == "DORSEY, Ky. (AP) — A truck overturned on U.S. 52 about 4 miles north of town."


@settings(max_examples=300, deadline=None)
@given(paragraphs)
def test_windows_are_ordered_disjoint_and_cover_every_figure_and_quote(text):
    windows, quotes = windows_of(text)
    assert windows == sorted(windows)
    for (_, first_end), (second_start, _) in zip(windows, windows[1:]):
        assert first_end <= second_start
    covered = lambda position: any(start <= position < end for start, end in windows)  # noqa: E731
    for match in re.finditer(r'\d|"', text):
        assert covered(match.start())
    for quote in quotes:
        inside = [covered(position) for position in range(quote.start, quote.end)]
        assert all(inside) or not any(inside)


@settings(max_examples=200, deadline=None)
@given(paragraphs)
def test_sentences_tile_the_text(text):
    spans = sentence_spans(text)
    assert "".join(text[start:end] for start, end in spans) == text
