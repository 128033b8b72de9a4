"""The records that cross a boundary: article records and fact rows (see docs/CONTRACT.md).

Field names here are the contract; add fields freely, never rename one. Offsets are half-open
character offsets into ``Article.text``. Numbers are ``Decimal`` inside and plain JSON numbers on
the wire (``20000000``, not ``2e7`` or ``"20000000"``), because the contract says "a JSON number".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

__all__ = [
    "ARTICLE_SCHEMA",
    "FACT_SCHEMA",
    "NAME_ROLES",
    "Amount",
    "Article",
    "Entity",
    "Fact",
    "FactRow",
    "Number",
    "Paragraph",
    "Percentage",
    "Period",
    "Qualifier",
    "UnitMention",
]

ARTICLE_SCHEMA: Literal["newsfacts.article/1"] = "newsfacts.article/1"
FACT_SCHEMA: Literal["newsfacts.fact/1"] = "newsfacts.fact/1"


def _to_json_number(value: Decimal) -> int | float:
    """Integral values as JSON integers (20000000), others as floats (2.5)."""
    return int(value) if value == value.to_integral_value() else float(value)


Number = Annotated[
    Decimal,
    PlainSerializer(_to_json_number, return_type=int | float, when_used="json"),
]

Qualifier = Literal["approx", "at_least", "more_than", "at_most", "less_than", "up_to"]
Label = Literal["PER", "ORG", "LOC", "MISC"]
Rate = Literal["P1D", "P1W", "P1M", "P3M", "P6M", "P1Y"]
PercentKind = Literal["change", "share", "level", "points"]
Direction = Literal["up", "down"]
PartySource = Literal["sentence", "description", "context"]
FactKind = Literal["payment", "acquisition", "revenue", "spending", "change", "share", "count", "figure"]

#: The fact fields that name a party (an organisation or person as written in the article); each
#: has a ``<role>_norm`` grouping name beside it. Declared once here: the pipeline, the evaluation
#: and the dashboard read the roles from this tuple instead of spelling them out.
NAME_ROLES: tuple[str, ...] = ("customer", "vendor", "company", "buyer", "target", "seller")


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Mention(_Record):
    """A span of the article text: ``text == article.text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(Mention):
    """A named entity found by the NER backend."""

    label: Label
    norm: str | None = None  # ORG only: the grouping name (extractors/orgnames.py)


class Amount(Mention):
    """A money amount, normalised: value in full units, ISO 4217 currency, qualifier, rate."""

    value: Number | None = None
    currency: str | None = None
    qualifier: Qualifier | None = None
    min: Number | None = None
    max: Number | None = None
    vague: bool = False
    rate: Rate | None = None


class Percentage(Mention):
    """A percentage, with what kind of percentage it is and which way it moves."""

    value: Number | None = None
    kind: PercentKind = "level"
    direction: Direction | None = None
    qualifier: Qualifier | None = None
    min: Number | None = None
    max: Number | None = None


class UnitMention(Mention):
    """A currency or percent word with no quantity ("der Dollar", "a small percent"): not an
    amount and never part of a fact; it tells which currencies an article is about."""

    unit: Literal["currency", "percent"]
    currency: str | None = None  # ISO 4217 where the word names one


class Period(Mention):
    """A calendar period resolved against the publication date (inclusive dates)."""

    start_date: date | None = None
    end_date: date | None = None
    fiscal: bool = False


class Paragraph(_Record):
    """A content paragraph (boilerplate excluded) and its own detected language."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    language: str
    language_score: float = Field(ge=0.0, le=1.0)


class Fact(_Record):
    """A fact linked from entities, amounts, percentages and periods of one article."""

    fact_id: str
    kind: FactKind
    customer: str | None = None
    vendor: str | None = None
    company: str | None = None
    customer_norm: str | None = None  # grouping names (legal forms removed): orgnames.py
    vendor_norm: str | None = None
    company_norm: str | None = None
    product: str | None = None
    # acquisition: who buys which company from whom; the price is amount_*, the date period_*
    buyer: str | None = None
    target: str | None = None
    seller: str | None = None
    buyer_norm: str | None = None  # grouping names of the acquisition roles (orgnames.py)
    target_norm: str | None = None
    seller_norm: str | None = None
    # where the fact's company (or customer, buyer) came from: named in the sentence, a
    # description there ("der Konzern", "the company", "Siemens-Chef"), or the article's context
    # (the company the story is about, when the sentence names none)
    party_source: PartySource | None = None
    metric: str | None = None
    of: str | None = None  # the whole a share is of ("25 % des Umsatzes von Microsoft")
    amount_value: Number | None = None
    amount_currency: str | None = None
    amount_qualifier: Qualifier | None = None
    amount_vague: bool | None = None
    amount_min: Number | None = None
    amount_max: Number | None = None
    rate: Rate | None = None
    count_value: Number | None = None
    count_qualifier: Qualifier | None = None
    percent_value: Number | None = None
    percent_kind: PercentKind | None = None
    percent_qualifier: Qualifier | None = None
    direction: Direction | None = None
    period_start: date | None = None
    period_end: date | None = None
    evidence: str
    evidence_start: int = Field(ge=0)
    evidence_end: int = Field(ge=0)
    confidence: float = Field(ge=0.0, le=1.0)


class Article(_Record):
    """One article record: the default output line of ``extract``."""

    schema_: Literal["newsfacts.article/1"] = Field(default=ARTICLE_SCHEMA, alias="schema")
    id: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str
    language_score: float = Field(ge=0.0, le=1.0)
    # the pack the engines ran with: the language's own ("de"), "universal" (a language without
    # a pack: amounts, percentages and dates from signs, codes and CLDR names, no facts), or
    # None (an unknown language: nothing but entities)
    langpack: str | None = None
    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    entities: tuple[Entity, ...] = ()
    amounts: tuple[Amount, ...] = ()
    percentages: tuple[Percentage, ...] = ()
    periods: tuple[Period, ...] = ()
    facts: tuple[Fact, ...] = ()
    units: tuple[UnitMention, ...] = ()  # bare currency and percent words (extractors/units.py)
    extractor_version: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class FactRow(Fact):
    """A fact flattened with its article's fields: what ``--facts`` prints and flows write."""

    schema_: Literal["newsfacts.fact/1"] = Field(default=FACT_SCHEMA, alias="schema")
    article_id: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str
    extractor_version: str | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
