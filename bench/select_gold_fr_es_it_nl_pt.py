"""Choose the fr/es/it/nl/pt gold documents and their dev/test split, before any annotation.

Why a script: the choice must be reproducible and must not depend on what an extractor finds.
Per language the candidates are the documents of the real corpora in ``../shared/data`` that
name money, percentages or companies (regexes below). Business-like candidates (money or a
percentage *and* a company/financial word) come first; when there are fewer of them than the
target, the rest is filled from the other candidates. Each tier is drawn with
``random.Random(16)``; the split alternates along the draw (dev, test, dev, ...), so that
each tier (business-like or not) is halved between ``dev`` and ``test``.

    python bench/select_gold_fr_es_it_nl_pt.py            # prints the choice per language
    python bench/select_gold_fr_es_it_nl_pt.py --skeleton /tmp/skel   # + <lang>.jsonl skeletons
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import gold_docs as g

Loader = Callable[[], dict[str, tuple[str, str | None]]]

#: per language: (id prefix, [(corpus name, loader, money-or-percent, business cue, target, max chars)])
MONEY = {
    "nl": r"\d[\d.,]*\s*(%|procent)|\b(gulden|euro|dollar|pond|miljoen|miljard)\b",
    "pt": r"%|R\$|US\$|Cr\$|CR\$|\b(reais|dólares|contos|escudos|euros|milhões|bilhões|mil milhões)\b",
    "fr": r"\d[\d  .,]*\s*(%|€|\$|euros?|dollars?|francs?|fr\.|millions?|milliards?)|pour cent|0/0",
    "es": r"%|\$|€|\b(dólares|euros|pesos|libras|millones)\b",
    "it": r"%|€|\b(euro|dollari|milioni|miliardi)\b",
}
BUSINESS = {
    "nl": r"\b(concern|bedrijf|onderneming|omzet|winst|verlies|koopt|overname|aandeel|aandelen|"
    r"werknemers|banen|bank|fonds|beurs|NV|BV)\b",
    "pt": r"\b(empresa|empresas|companhia|grupo|banco|bancos|lucro|lucros|faturamento|receita|vendas|"
    r"ações|acionistas|S\.A\.|estatal|privatização|fábrica|montadora|funcionários|empregados)\b",
    "fr": r"\b(entreprise|société|groupe|compagnie|banque|Banque|chiffre d'affaires|bénéfices?|salariés|"
    r"employés|filiale|rachat|racheté|actions?|actionnaires|capital|résultat|excédent|marge|"
    r"contrat|investisseurs|SA|Inc|firme|constructeur|opérateur|dividende)\b",
    "es": r"\b(empresa|compañía|facturación|beneficio|empleados|trabajadores|acciones|S\.A\.|Inc|"
    r"Airways|Networks)\b",
    "it": r"\b(società|azienda|gruppo|banca|fatturato|utile|dipendenti)\b",
}


def _draw(ids: list[str], k: int) -> list[str]:
    """A seeded draw of ``k`` ids (all of them, shuffled, when fewer): the documented seed 16."""
    return random.Random(16).sample(sorted(ids), min(k, len(ids)))


def candidates(
    lang: str,
    docs: dict[str, tuple[str, str | None]],
    max_chars: int | None,
    extra: Callable[[str, str], bool] = lambda i, t: True,
) -> tuple[list[str], list[str], list[str]]:
    """(business-like, other candidates, the rest): money/percent and/or a company word."""
    money, business = re.compile(MONEY[lang], re.IGNORECASE), re.compile(BUSINESS[lang])
    strong, weak, rest = [], [], []
    for doc, (text, _) in docs.items():
        if (max_chars and len(text) > max_chars) or not extra(doc, text):
            continue
        has_money, has_business = bool(money.search(text)), bool(business.search(text))
        if has_money and has_business:
            strong.append(doc)
        elif has_money or has_business:
            weak.append(doc)
        else:
            rest.append(doc)
    return strong, weak, rest


def choose(strong: list[str], weak: list[str], rest: list[str], target: int, fill_rest: bool) -> list[str]:
    """Business-like first, filled up from the other candidates to ``target``; only where a
    corpus holds too few candidates (Italian: one feed item) from its remaining documents."""
    picked = _draw(strong, target)
    picked += _draw(weak, target - len(picked))
    return picked + (_draw(rest, target - len(picked)) if fill_rest else [])


def _not_redirect(doc: str, text: str) -> bool:
    """Only WikiANN rows that are sentences: redirects and list/table fragments ("JetBlue Airways
    ( 25,5 % )") are not text to extract from."""
    return not text.startswith("REDIRECCIÓN") and len(text.split()) >= 8 and text.endswith(" .")


def _news_only(doc: str, text: str) -> bool:
    """Alpino's WR-P-P-L document is a health-policy report, not newspaper text."""
    return doc.startswith("WR-P-P-H")


def _any(doc: str, text: str) -> bool:
    return True


#: language -> [(corpus, loader, size cap in chars, extra filter, target, fill from the rest)]
PLAN: dict[str, list[tuple[str, Loader, int | None, Callable[[str, str], bool], int, bool]]] = {
    "nl": [("ud-nl-alpino", g.ud_nl_alpino, None, _news_only, 18, False)],
    "pt": [("ud-pt-bosque", g.ud_pt_bosque, 2500, _any, 20, False)],
    "fr": [
        ("ud-fr-gsd", g.ud_fr_gsd, None, _any, 16, False),
        ("hipe2022-newseye-fr", g.hipe_newseye_fr, 4000, _any, 4, False),
    ],
    "es": [("wikiann-es", g.wikiann_es, None, _not_redirect, 16, False)],
    "it": [("feed-ilgiornale", g.feed_ilgiornale, None, _any, 15, True)],
}
PREFIX = {
    "ud-nl-alpino": "nl-ud",
    "ud-pt-bosque": "pt-ud",
    "ud-fr-gsd": "fr-ud",
    "hipe2022-newseye-fr": "fr-hipe",
    "wikiann-es": "es-wikiann",
    "feed-ilgiornale": "it-feed",
}


def selection(lang: str) -> list[dict[str, object]]:
    """The chosen documents of a language with id, corpus, doc id and split, in draw order."""
    out: list[dict[str, object]] = []
    for corpus, loader, cap, extra, target, fill_rest in PLAN[lang]:
        docs = loader()
        picked = choose(*candidates(lang, docs, cap, extra), target, fill_rest)
        for n, doc in enumerate(picked):
            text, published = docs[doc]
            out.append(
                {
                    "id": f"{PREFIX[corpus]}-{n + 1:04d}",
                    "lang": lang,
                    "split": "dev" if n % 2 == 0 else "test",
                    "corpus": corpus,
                    "doc": doc,
                    "sha1": g.sha1(text),
                    "published": published,
                    "title": text.split("\n")[0][:80],
                    "chars": len(text),
                    "facts": [],
                }
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skeleton", type=Path, help="folder for <lang>.jsonl skeletons (no facts)")
    args = ap.parse_args()
    for lang in PLAN:
        chosen = selection(lang)
        print(lang, len(chosen), {s: sum(c["split"] == s for c in chosen) for s in ("dev", "test")})
        for c in chosen:
            print("  ", c["id"], c["split"], c["doc"], c["chars"])
        if args.skeleton:
            args.skeleton.mkdir(parents=True, exist_ok=True)
            (args.skeleton / f"{lang}.jsonl").write_text(
                "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in chosen), encoding="utf-8"
            )


if __name__ == "__main__":
    main()
