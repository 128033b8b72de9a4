"""The ``figure`` fact kind in the French, Spanish, Italian, Dutch and Portuguese packs (their
``figure_*`` keys in the ``[facts]`` table; English and German: test_figures.py).

Entities are given, so the NER does not decide; two end-to-end checks per language run the whole
pipeline with the default models. Real sentences name their source under ../shared/data:
``rt-specs`` is money/rt-specs-dev.jsonl (news sentences of the Recognizers-Text specs), ``bosque``
is ner/uner/pt (Portuguese newspaper sentences; the corpus splits contractions, "de o", which are
joined again here), ``wikiann`` is ner/wikiann, ``feed`` is feeds/encoding.rss. Sentences without a
source are written by us in the style of business news.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_figures import facts_of

from newsfacts.extractors.pipeline import extract_article

# a figure named by what it measures is a ``revenue`` (revenue, profit, loss), a ``spending``
# (investment, costs) or a plain ``figure`` fact, by the pack's metric lexicons
FIGURE_KINDS = ("figure", "revenue", "spending")


def figures(text: str, lang: str, orgs: list[str] = ()) -> list[tuple[str | None, Decimal | None]]:
    return sorted(
        ((f.metric, f.amount_value) for f in facts_of(text, lang, orgs) if f.kind in FIGURE_KINDS and f.metric), key=str
    )


def D(value: str) -> Decimal:
    return Decimal(value)


POSITIVE = [
    # -- French ------------------------------------------------------------------------------
    # written by us: "s'est établi à", a series with "contre"
    (
        "fr",
        (
            "Le chiffre d'affaires s'est établi à 5,2 milliards d'euros au troisième trimestre, contre "
            "4,8 milliards d'euros un an plus tôt."
        ),
        [],
        [("chiffre d'affaires", D("5200000000")), ("chiffre d'affaires", D("4800000000"))],
    ),
    # written by us: "est passé de … à …" with a shared scale: the old and the new figure, no range
    (
        "fr",
        "Le chiffre d'affaires est passé de 300 à 350 millions d'euros.",
        [],
        [("chiffre d'affaires", D("300000000")), ("chiffre d'affaires", D("350000000"))],
    ),
    # written by us: a period between the item and its amount
    (
        "fr",
        "Le bénéfice net s'est établi au premier semestre à 1,2 milliard d'euros.",
        [],
        [("bénéfice net", D("1200000000"))],
    ),
    # written by us: "de" after a determiner and the company as the subject
    (
        "fr",
        "Renault a annoncé un bénéfice net de 2,3 milliards d'euros.",
        ["Renault"],
        [("bénéfice net", D("2300000000"))],
    ),
    # written by us: "s'élève à", "a progressé de 8 % à", "est passée de … à …"
    ("fr", "La perte nette s'élève à 320 millions d'euros.", [], [("perte nette", D("320000000"))]),
    (
        "fr",
        "Le résultat opérationnel courant a progressé de 8 % à 2,1 milliards d'euros.",
        [],
        [("résultat opérationnel courant", D("2100000000"))],
    ),
    (
        "fr",
        "La dette nette est passée de 3 milliards d'euros à 2,5 milliards d'euros.",
        [],
        [("dette nette", D("2500000000")), ("dette nette", D("3000000000"))],
    ),
    # rt-specs (rt-fr-currency)
    ("fr", "Je veux un crédit de 1000 EUR sur 3 ans", [], [("crédit", D("1000"))]),
    # -- Spanish -----------------------------------------------------------------------------
    # rt-specs: "una multa de", "una indemnización de", "subieron 6,2% a"
    (
        "es",
        (
            "E. Robert Wallach fue sentenciado por un juez en Nueva York a seis años de prisión y una multa "
            "de $250.000 por su extorsión en el escándalo de Wedtech."
        ),
        [],
        [("multa", D("250000"))],
    ),
    (
        "es",
        (
            "Harry Ferguson nos demandó por el uso ilegal de sus patentes pidiendo una indemnización de £ 90 "
            "millones, resuelto fuera de la corte en 1952."
        ),
        [],
        [("indemnización", D("90000000"))],
    ),
    ("es", "Las ventas subieron 6,2% a $ 1,45 mil millones", [], [("ventas", D("1450000000"))]),
    # written by us: "alcanzó los", a series with "frente a los"
    (
        "es",
        (
            "El beneficio neto alcanzó los 1.200 millones de euros en el tercer trimestre, frente a los 980 "
            "millones de euros del año anterior."
        ),
        [],
        [("beneficio neto", D("1200000000")), ("beneficio neto", D("980000000"))],
    ),
    # written by us: a period between the item and its link
    (
        "es",
        "La facturación en el primer semestre se situó en 5.000 millones de euros.",
        [],
        [("facturación", D("5000000000"))],
    ),
    # written by us: "de" with a company subject, "fue de", "pasó de … a …"
    (
        "es",
        "Iberdrola obtuvo un beneficio neto atribuido de 4.803 millones de euros.",
        ["Iberdrola"],
        [("beneficio neto atribuido", D("4803000000"))],
    ),
    ("es", "La cifra de negocio fue de 32.000 millones de euros.", [], [("cifra de negocio", D("32000000000"))]),
    (
        "es",
        "El ebitda pasó de 1.000 millones de euros a 1.300 millones de euros.",
        [],
        [("ebitda", D("1000000000")), ("ebitda", D("1300000000"))],
    ),
    # -- Italian -----------------------------------------------------------------------------
    # rt-specs: "un compenso di", "ammontano a"
    (
        "it",
        (
            "harry ferguson ci ha citato in giudizio per l'uso illegale dei sui brevetti, chiedendo un "
            "compenso di £ 90 milioni , risolto in via extragiudiziale nel 1952 ."
        ),
        [],
        [("compenso", D("90000000"))],
    ),
    (
        "it",
        "i suoi profitti operativi trimestrali ammontano a 361 milioni di sterline",
        [],
        [("profitti operativi trimestrali", D("361000000"))],
    ),
    # written by us: "si è attestato a", a series with "rispetto ai"
    (
        "it",
        (
            "Il fatturato si è attestato a 3,4 miliardi di euro nel terzo trimestre, rispetto ai 3,1 miliardi "
            "di euro dell'anno precedente."
        ),
        [],
        [("fatturato", D("3100000000")), ("fatturato", D("3400000000"))],
    ),
    # written by us: a period between the item and its link
    (
        "it",
        "Il fatturato nel terzo trimestre si è attestato a 3,4 miliardi di euro.",
        [],
        [("fatturato", D("3400000000"))],
    ),
    # written by us: "di", "pari a", "è passato da … a …", "è salito del 12% a"
    (
        "it",
        "Enel ha registrato un utile netto ordinario di 6,5 miliardi di euro.",
        ["Enel"],
        [("utile netto ordinario", D("6500000000"))],
    ),
    ("it", "Il gruppo ha chiuso il 2023 con ricavi pari a 2,1 miliardi di euro.", [], [("ricavi", D("2100000000"))]),
    (
        "it",
        "Il margine operativo lordo è passato da 800 milioni di euro a 950 milioni di euro.",
        [],
        [("margine operativo lordo", D("800000000")), ("margine operativo lordo", D("950000000"))],
    ),
    # written by us: "l'" stands before a few measure nouns only, and is dropped from the item
    (
        "it",
        "L'Ebitda rettificato è salito del 12% a 980 milioni di euro.",
        [],
        [("Ebitda rettificato", D("980000000"))],
    ),
    # -- Dutch -------------------------------------------------------------------------------
    # written by us: a period inside the link ("kwam … uit op"), a series with "tegen"
    (
        "nl",
        ("De nettowinst kwam in het derde kwartaal uit op 1,2 miljard euro, tegen 980 miljoen euro een jaar eerder."),
        [],
        [("nettowinst", D("1200000000")), ("nettowinst", D("980000000"))],
    ),
    # written by us: "van", "bedroeg", "steeg met … naar", "steeg van … naar …", "wordt geschat op"
    (
        "nl",
        "Ahold Delhaize boekte een aangepaste nettowinst van 2,3 miljard euro.",
        ["Ahold Delhaize"],
        [("aangepaste nettowinst", D("2300000000"))],
    ),
    ("nl", "Het operationele resultaat bedroeg 450 miljoen euro.", [], [("operationele resultaat", D("450000000"))]),
    ("nl", "De omzet steeg met 5 procent naar 2,1 miljard euro.", [], [("omzet", D("2100000000"))]),
    (
        "nl",
        "De nettowinst steeg van 1,2 miljard euro naar 1,5 miljard euro.",
        [],
        [("nettowinst", D("1200000000")), ("nettowinst", D("1500000000"))],
    ),
    ("nl", "De schade wordt geschat op zo'n 2 miljoen euro.", [], [("schade", D("2000000"))]),
    ("nl", "De winst per aandeel bedroeg 1,20 euro.", [], [("winst per aandeel", D("1.20"))]),
    # -- Portuguese --------------------------------------------------------------------------
    # bosque (pt_bosque-ud-dev): "o orçamento de", a series "crescerão de … para …"
    ("pt", "Mas o orçamento de US$ 5 milhões insinua que a informação não é séria.", [], [("orçamento", D("5000000"))]),
    (
        "pt",
        (
            "No Ministério da Fazenda, as despesas crescerão de US$ 1,13 bilhões em 93 para US$ 1,36 bilhões em "
            "94 (ou mais 20,07%)."
        ),
        [],
        [("despesas", D("1130000000")), ("despesas", D("1360000000"))],
    ),
    (
        "pt",
        (
            "O deputado Aloizio Mercadante (PT/SP) divulgou ontem números do Tesouro sobre a execução "
            "orçamentária de janeiro a novembro de 1993, demonstrando que o governo conseguiu um superávit "
            "operacional de US$ 9,2 bilhões neste período."
        ),
        [],
        [("superávit operacional", D("9200000000"))],
    ),
    # bosque (pt_bosque-ud-train): "caíram de … para …", "atingiu" (the equivalent in dollars is no
    # second figure), "é de"
    (
        "pt",
        (
            "As vendas brutas caíram de US$ 3,78 bilhões para US$ 3,57 bilhões, consequência de reduções tanto "
            "no mercado interno como no externo."
        ),
        [],
        [("vendas brutas", D("3570000000")), ("vendas brutas", D("3780000000"))],
    ),
    (
        "pt",
        "O faturamento bruto atingiu R$ 615,7 mil, equivalentes a US$ 721,8 mil.",
        [],
        [("faturamento bruto", D("615700"))],
    ),
    ("pt", "No camping, a diária é de US$ 5 (CR$ 2.200,00).", [], [("diária", D("5"))]),
    # written by us (after a bosque sentence whose item names a bank): a period before the link
    ("pt", "O lucro líquido no primeiro semestre foi de R$ 44 bilhões.", [], [("lucro líquido", D("44000000000"))]),
    # written by us: "registou um … de", a series with "contra"
    (
        "pt",
        ("A Galp registou um resultado líquido de 1,2 mil milhões de euros, contra 881 milhões de euros em 2022."),
        ["Galp"],
        [("resultado líquido", D("1200000000")), ("resultado líquido", D("881000000"))],
    ),
]


@pytest.mark.parametrize(("lang", "text", "orgs", "expected"), POSITIVE)
def test_figures(lang: str, text: str, orgs: list[str], expected: list) -> None:
    assert figures(text, lang, orgs) == sorted(expected, key=str)


def test_a_figure_takes_the_subject_company() -> None:
    [fact] = [
        f
        for f in facts_of("Renault a annoncé un bénéfice net de 2,3 milliards d'euros.", "fr", ["Renault"])
        if f.kind in FIGURE_KINDS
    ]
    assert (fact.company, fact.metric, fact.amount_value) == ("Renault", "bénéfice net", D("2300000000"))


NEGATIVE = [
    # -- French ------------------------------------------------------------------------------
    # written by us: a payment stays a payment, even with a noun before its amount
    ("fr", "Orange verse une redevance de 5 millions d'euros à Google pour ses services cloud.", ["Orange", "Google"]),
    # written by us: changes
    ("fr", "La société a enregistré une hausse de 5 millions d'euros de ses ventes.", []),
    ("fr", "Le bénéfice a augmenté de 5 millions d'euros.", []),
    ("fr", "Le plan prévoit une réduction de coûts de 500 millions d'euros.", []),
    # wikiann (fr test): a generic word; written by us: a total
    ("fr", "Il sera finalement transféré au Club Bruges pour un montant avoisinant les 3 millions d'euros.", []),
    ("fr", "Le groupe a reçu un total de 5 millions d'euros.", []),
    # written by us: a verb before "de"; the noun after "de un"/"d'un" names nothing
    ("fr", "La start-up dispose de 5 millions d'euros de trésorerie.", []),
    ("fr", "Il s'agit de 5 millions d'euros.", []),
    ("fr", "Le prix d'un dîner a augmenté à 63 euros.", []),
    # wikiann (fr dev): a verb
    (
        "fr",
        ("Cependant, le Benfica Lisbonne est ensuite entré dans les négociations en proposant 6,5 millions d'euros."),
        [],
    ),
    # -- Spanish -----------------------------------------------------------------------------
    (
        "es",
        "Inditex paga una cuota de 5 millones de euros a Google por sus servicios en la nube.",  # written by us
        ["Inditex", "Google"],
    ),
    # rt-specs: a total; the price "de una cena" names no dinner
    ("es", "El trimestre de 1988 también incluyó ganancias únicas por un total de aproximadamente $ 35 millones.", []),
    (
        "es",
        (
            "Para los 20 restaurantes más caros de la ciudad, el precio de una cena aumentó a $ 63,45, también "
            "hubo un aumento del 8 por ciento."
        ),
        [],
    ),
    # written by us: changes, a total, verbs before "de"
    ("es", "La empresa anunció un aumento de 5 millones de euros en sus ventas.", []),
    ("es", "El beneficio neto aumentó en 5 millones de euros.", []),
    ("es", "El grupo recibió un total de 5 millones de euros.", []),
    ("es", "La empresa dispone de 5 millones de euros en caja.", []),
    ("es", "Se trata de 5 millones de euros.", []),
    # -- Italian -----------------------------------------------------------------------------
    # written by us
    ("it", "Enel paga un canone di 5 milioni di euro a Google per i servizi cloud.", ["Enel", "Google"]),
    # rt-specs: a verb before "di", a change, generic words, the price "di una cena"
    (
        "it",
        (
            "uefa ha attaccato ferguson per aver screditato il gioco con i suoi commenti , e al 1 maggio di "
            "quest'anno è stato multato di 10.000 franchi svizzeri ."
        ),
        [],
    ),
    ("it", "i contratti di dicembre sono aumentati di 1,20 centesimi", []),
    (
        "it",
        (
            "aerosmith si è accordato con columbia a metà del 1972 per un valore di $ 125.000 e ha pubblicato il "
            "loro album di debutto , aerosmith ."
        ),
        [],
    ),
    ("it", "il trimestre del 1988 includeva anche guadagni una tantum del totale di circa $ 35 milioni.", []),
    (
        "it",
        (
            "per i 20 ristoranti più costosi della città, il prezzo di una cena è aumentato da $ 63,45 , anche un "
            "aumento dell'8 percento ."
        ),
        [],
    ),
    # written by us: changes ("aumentato di" is "by"), a total
    ("it", "La società ha annunciato un aumento di 5 milioni di euro dei ricavi.", []),
    ("it", "L'utile netto è aumentato di 200 milioni di euro.", []),
    ("it", "Il gruppo ha ricevuto un totale di 5 milioni di euro.", []),
    # -- Dutch -------------------------------------------------------------------------------
    (
        "nl",
        "Philips betaalt een vergoeding van 5 miljoen euro aan Google voor clouddiensten.",  # written by us
        ["Philips", "Google"],
    ),
    # wikiann (nl test): a fine paid is a payment, no figure
    ("nl", "Rabobank schikte eveneens en betaalde een boete van 774 miljoen euro.", ["Rabobank"]),
    # wikiann (nl train): a generic word, a cut
    ("nl", "Het Ministerie van Economische Zaken heeft dit bedrag verdubbeld tot 34 miljoen euro.", []),
    ("nl", "Ze demonstreren in de ArenA in Amsterdam tegen de aangekondigde bezuiniging van 300 miljoen euro.", []),
    # rt-specs: a verb
    ("nl", "Amerikaanse defensie investeert 2 miljard amerikaanse dollar in onderzoek naar ai", []),
    # written by us: changes (a compound one too), a total, a noun after "van de"
    ("nl", "Het bedrijf meldde een stijging van 5 miljoen euro.", []),
    ("nl", "De winst steeg met 5 miljoen euro.", []),
    ("nl", "De omzetstijging van 20 miljoen euro kwam vooral uit Azië.", []),
    ("nl", "Het concern ontving een totaal van 5 miljoen euro.", []),
    ("nl", "De omzet van de divisie bedroeg 5 miljoen euro.", []),
    # -- Portuguese --------------------------------------------------------------------------
    (
        "pt",
        "A Sonae paga uma taxa de 5 milhões de euros à Google pelos serviços de nuvem.",  # written by us
        ["Sonae", "Google"],
    ),
    # feed: generic words
    (
        "pt",
        (
            "A Unidade de Ação Fiscal da GNR anunciou esta quarta-feira a apreensão de 124 mil cigarros, com um "
            "valor global de 36 mil euros, numa ação de fiscalização na fronteira do Caia, no concelho de Elvas "
            "(Portalegre)"
        ),
        [],
    ),
    ("pt", "O valor de rendimentos isentos de retenção sobe para 632 euros brutos por mês", []),
    # bosque (train, dev): "a partir de" is no item; a name is never one; a verb
    (
        "pt",
        (
            "Com diárias a partir de US$ 50, pousadas promovem safáris fotográficos, focagem de jacarés e outros "
            "passeios"
        ),
        [],
    ),
    ("pt", "O custo médio de cada um dos Cieps no Rio de Janeiro foi de cerca de US$ 1 milhão.", []),
    (
        "pt",
        (
            "E comprova que a Petroplastic recebeu US$ 5 milhões para concordar com a transferência, para a Dow, "
            "do controle da Atochem."
        ),
        [],
    ),
    # written by us: changes, a total
    ("pt", "A empresa anunciou um aumento de 5 milhões de euros nas vendas.", []),
    ("pt", "O lucro subiu 5 milhões de euros.", []),
    ("pt", "O grupo recebeu um total de 5 milhões de euros.", []),
]


@pytest.mark.parametrize(("lang", "text", "orgs"), NEGATIVE)
def test_no_figure(lang: str, text: str, orgs: list[str]) -> None:
    assert figures(text, lang, orgs) == []


@pytest.mark.parametrize(
    ("lang", "text", "orgs"),
    [
        (
            "fr",
            "Orange verse une redevance de 5 millions d'euros à Google pour ses services cloud.",
            ["Orange", "Google"],
        ),
        (
            "es",
            "Inditex paga una cuota de 5 millones de euros a Google por sus servicios en la nube.",
            ["Inditex", "Google"],
        ),
        ("it", "Enel paga un canone di 5 milioni di euro a Google per i servizi cloud.", ["Enel", "Google"]),
        (
            "nl",
            "Philips betaalt een vergoeding van 5 miljoen euro aan Google voor clouddiensten.",
            ["Philips", "Google"],
        ),
        ("pt", "A Sonae paga uma taxa de 5 milhões de euros à Google pelos serviços de nuvem.", ["Sonae", "Google"]),
    ],
)
def test_a_payment_stays_a_payment(lang: str, text: str, orgs: list[str]) -> None:
    """The amount a payment claimed is no figure, though a noun ("redevance de") stands before it."""
    [fact] = facts_of(text, lang, orgs)
    assert (fact.kind, fact.customer, fact.vendor) == ("payment", orgs[0], "Google")


# End to end, with the default NER model of each language (written by us).
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Le chiffre d'affaires s'est établi à 5,2 milliards d'euros au troisième trimestre.",
            [("chiffre d'affaires", D("5200000000"))],
        ),
        ("fr", "Orange verse une redevance de 5 millions d'euros à Google pour ses services cloud.", []),
        ("es", "Telefónica registró unas pérdidas de 892 millones de euros en 2023.", [("pérdidas", D("892000000"))]),
        ("es", "Inditex paga una cuota de 5 millones de euros a Google por sus servicios en la nube.", []),
        ("it", "I ricavi sono saliti a circa 5 miliardi di euro.", [("ricavi", D("5000000000"))]),
        ("it", "Enel paga un canone di 5 milioni di euro a Google per i servizi cloud.", []),
        # the tagger finds no ING here, so the fine stays a figure (with the company it is a
        # payment: tests/extractors/test_discourse.py)
        ("nl", "ING kreeg een boete van 775 miljoen euro.", [("boete", D("775000000"))]),
        ("nl", "Philips betaalt een vergoeding van 5 miljoen euro aan Google voor clouddiensten.", []),
        (
            "pt",
            "A Petrobras registrou um lucro líquido de R$ 124,6 bilhões em 2023.",
            [("lucro líquido", D("124600000000"))],
        ),
        ("pt", "A Sonae paga uma taxa de 5 milhões de euros à Google pelos serviços de nuvem.", []),
    ],
)
def test_figures_end_to_end(lang: str, text: str, expected: list) -> None:
    article = extract_article(text, lang=lang, header=False, min_confidence=0)
    assert (
        sorted(((f.metric, f.amount_value) for f in article.facts if f.kind in FIGURE_KINDS and f.metric), key=str)
        == expected
    )
