"""Property: every mention's offsets index the article text, whatever the input."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.extractors.pipeline import extract_article

FRAGMENTS = [
    "Die Siemens AG zahlte 3,5 Mio. € an SAP.",
    "Der Umsatz stieg um 29 % im zweiten Quartal.",
    "fast 20 Millionen US-Dollar pro Monat",
    "Im März dieses Jahres kaufte TikTok Dienste.",
    "Millionen von Dollar",
    "seit September",
    "2024-08-01",
    "Nachricht",
    "\n\n",
    "\r\n",
    " ",
    "€",
    "$",
    "%",
    "Mrd.",
    "1.000,50",
    "Q3 2024",
    "\ufeff",
    "🙂",
    "مرحبا",
    "日本語",
    "Ünïcödé",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), min_size=1, max_size=12).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, lang=st.sampled_from([None, "de"]))
def test_pipeline_offsets_index_text(text: str, lang: str | None) -> None:
    article = extract_article(text, lang=lang, published=date(2024, 8, 1))
    assert article.text == text
    for mention in (*article.entities, *article.amounts, *article.percentages, *article.periods):
        assert text[mention.start : mention.end] == mention.text
    for fact in article.facts:
        assert text[fact.evidence_start : fact.evidence_end] == fact.evidence
