"""Link entities, amounts, percentages and periods into facts: who paid whom, how much, when.

Where things are decided (one module per concern):

- ``cues``: the pack's ``[facts]`` table (``FactsPack``) compiled into patterns (``_Cues``).
- ``mentions``: sentences with their companies, amounts, percentages and periods.
- ``discourse``: which company the article is about, and what "der Konzern", "the company",
  "Siemens-Chef" or "seine Beteiligung" refer to when a sentence names no company.
- ``base``: the linker's state and shared helpers (clauses, prepositions, subjects, building a fact).
- one module per fact family: ``payments`` (payment, spending), ``acquisitions``, ``figures``
  (revenue, profit and loss, spending by metric, changes by an amount), ``percents`` (changes,
  shares), ``counts``.
- ``confidence``: the one table every fact's confidence comes from.
- ``dedupe``: one fact per statement, stable ids; ``rows``: fact rows for ``--facts`` and sinks.
- ``link``: ``link_facts``, the entry point that runs the families sentence by sentence.

Link entities, amounts, percentages and periods into facts: who paid whom, how much, when.

A shallow, explainable linker rather than a parser: news sentences that state a payment are
short and formulaic, and the cues that assign roles (verbs of buying and selling, the
prepositions before a company, anaphors such as "diese Kunden" or "das Unternehmen") are
language data in the pack's ``[facts]`` table. The engine has no per-language code.

Roles, per sentence:
- a *buy* verb (kaufen, zahlen, ausgeben) makes the bare subject company the customer and a
  company after a vendor preposition ("von", "an", "bei") or after the subject the vendor;
- a *sell* verb (verkaufen, vermieten) makes a company after a customer preposition ("an")
  the customer and the bare company the vendor;
- a company glued to a product noun ("OpenAI-Modelle") or inside a "für …" phrase is the product;
- a missing vendor is the article's dominant company (the one it names most), when that is
  not the customer itself: the article's context, as a reader would take it;
- a company behind a preposition takes a role only in the verb's own clause.

Takeovers (kind ``acquisition``) are tried first: an active verb makes the subject the buyer
and a bare company object the target ("WPP kauft Conrad Caine"; a product object makes it a
payment instead), a passive verb or a noun takes the buyer after an agent preposition
("acquired by", "Übernahme von X durch Y"), a selling verb makes the subject the seller and the
company after a customer preposition the buyer. Where a language capitalises names only, runs
of capitalised words the NER model left untagged are proposed as companies (lower confidence).
Each fact's confidence comes from these evidence features (``_score``).
"""

from newsfacts.extractors.confidence import DEFAULT_MIN_CONFIDENCE
from newsfacts.extractors.facts.cues import FactsPack, org_cues
from newsfacts.extractors.facts.link import link_facts
from newsfacts.extractors.facts.rows import fact_rows

__all__ = ["DEFAULT_MIN_CONFIDENCE", "FactsPack", "fact_rows", "link_facts", "org_cues"]
