"""One confidence table: every fact's confidence comes from the evidence features here.

Weights were set on the fact evaluations (``bench/eval_facts.py``, ``bench/eval_docs.py --split
dev``); ``DEFAULT_MIN_CONFIDENCE`` (0.5) is the floor below which facts are left out by default.
A base value names how a fact's party was found; a ``*_cost`` is taken off for a doubt.
"""

from __future__ import annotations

from newsfacts.extractors.records import Amount

CONFIDENCE: dict[str, float] = {
    # where the company of a revenue, change, share or count comes from (base.py)
    "subject_before": 0.7,  # named before the figure in its sentence
    "description": 0.6,  # "der Konzern", "the company": the company last named, else the topic
    "subject_after": 0.55,  # named after the figure in its sentence
    "context": 0.55,  # not in the sentence: the company the article is about (discourse.py)
    # revenue (figures.py)
    "revenue_owner": 0.8,  # "der Umsatz von Microsoft"
    "revenue_vendor": 0.7,  # the vendor of the sentence's payment
    "revenue_restated": 0.6,  # "Das sind 83 Millionen US-Dollar pro Monat."
    # figures and changes by an amount (figures.py)
    "figure": 0.6,
    "figure_alone": 0.55,  # no company
    "amount_change_cost": 0.1,
    "amount_change_alone": 0.5,  # no company: stands on its metric
    # percentages (percents.py)
    "share": 0.6,
    "no_direction_cost": 0.1,  # a change whose direction the text does not say
    # payments and acquisitions (``_score``)
    "pattern": 0.85,  # roles read from cues
    "no_pattern": 0.75,  # roles partly from word order
    "context_role_cost": 0.15,  # a role taken from the article's dominant company
    "anaphor_cost": 0.1,
    "no_amount_cost": 0.15,
    "unread_amount_cost": 0.1,  # no value or no currency
    "vague_amount_cost": 0.05,
    "uncued_amount_cost": 0.05,
    # fines and awarded contracts (awards.py)
    "fine": 0.7,
    "award": 0.7,
    "investment": 0.7,
    # any fact (base.py)
    "context_currency_cost": 0.1,  # the currency taken from the article's other amounts
    "negated_cost": 0.4,  # denied or asked
    "uncertain_name_cost": 0.2,  # a name only proposed, never tagged
}


def _score(
    *,
    pattern: bool,
    amount: Amount | None,
    amount_cued: bool = True,
    amount_required: bool = True,
    context_roles: int = 0,
    anaphor: bool = False,
) -> float:
    """A fact's confidence from its evidence features (weights set on the fact evaluations).

    Roles read from a cue (a preposition, a verb's subject) count more than roles taken from
    the article's context (its dominant company); an anaphor resolved across sentences, an
    amount without a currency, a vague amount or one not introduced by a cue all cost a little.
    """
    c = CONFIDENCE
    score = c["pattern"] if pattern else c["no_pattern"]
    score -= c["context_role_cost"] * context_roles + c["anaphor_cost"] * anaphor
    if amount is None:
        score -= c["no_amount_cost"] if amount_required else 0.0
    else:
        score -= c["unread_amount_cost"] * (amount.value is None or amount.currency is None)
        score -= c["vague_amount_cost"] * amount.vague + c["uncued_amount_cost"] * (not amount_cued)
    return round(max(0.05, min(score, 0.95)), 2)
