"""One confidence table: every fact's confidence comes from the evidence features here."""

from __future__ import annotations



from newsfacts.extractors.records import Amount



def _score(*, pattern: bool, amount: Amount | None, amount_cued: bool = True,
           amount_required: bool = True, context_roles: int = 0, anaphor: bool = False) -> float:
    """A fact's confidence from its evidence features (weights set on the fact evaluations).

    Roles read from a cue (a preposition, a verb's subject) count more than roles taken from
    the article's context (its dominant company); an anaphor resolved across sentences, an
    amount without a currency, a vague amount or one not introduced by a cue all cost a little.
    """
    score = 0.85 if pattern else 0.75
    score -= 0.15 * context_roles + 0.1 * anaphor
    if amount is None:
        score -= 0.15 if amount_required else 0.0
    else:
        score -= 0.1 * (amount.value is None or amount.currency is None)
        score -= 0.05 * amount.vague + 0.05 * (not amount_cued)
    return round(max(0.05, min(score, 0.95)), 2)

