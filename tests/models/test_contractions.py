"""Portuguese contractions that UNER Bosque splits ("em o" for "no") are joined as written.

``models/training/corpora.py:contract_words`` with the table ``contractions-pt.toml``, applied by
``read_columns`` for recipes that set ``contractions = "pt"``. The token sequences below are
taken from, or shaped like, real Bosque sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsfacts.models.training.corpora import (
    contract_words,
    load_contractions,
    read_columns,
    split_of,
)
from newsfacts.models.training.train import load_recipe

__all__: list[str] = []

PT = load_contractions("pt")
O = ("O", "")


def _tags(*tags: str) -> list[tuple[str, str | None]]:
    return [O if t == "O" else (t[0], t[2:]) for t in tags]


def _join(sentence: str, *tags: str) -> tuple[str, list[tuple[str, str | None]]]:
    words = sentence.split()
    tags_ = _tags(*tags) if tags else [O] * len(words)
    joined, new_tags = contract_words(words, tags_, PT)
    return " ".join(joined), new_tags


def test_the_table_holds_the_common_pairs_and_leaves_de_um_split() -> None:
    assert PT["de", "o"] == "do"
    assert PT["por", "o"] == "pelo"
    assert PT["a", "a"] == "à"
    assert PT["em", "uma"] == "numa"
    assert PT["de", "aquele"] == "daquele"
    assert ("de", "um") not in PT
    assert all(k == (k[0].lower(), k[1].lower()) and v == v.lower() for k, v in PT.items())


@pytest.mark.parametrize(
    ("split", "written"),
    [
        (
            "recusando uma postura radical , a maioria de os eleitores quer o PT participando de o Governo",
            "recusando uma postura radical , a maioria dos eleitores quer o PT participando do Governo",
        ),
        (
            "estréia quarta-feira , a as 22h30 , em a Rede Manchete",
            "estréia quarta-feira , às 22h30 , na Rede Manchete",
        ),
        (
            "reconduziu o brasileiro a o sexto mandato por a futura sucessão em os próximos anos",
            "reconduziu o brasileiro ao sexto mandato pela futura sucessão nos próximos anos",
        ),
        (
            "Além de isso , esqueceria os seus modos em este caso e em um outro",
            "Além disso , esqueceria os seus modos neste caso e num outro",
        ),
        ("qualquer coisa de ela e de aquele a aquele", "qualquer coisa dela e daquele àquele"),
        ("a realização de um programa de uma hora", "a realização de um programa de uma hora"),
    ],
)
def test_split_contractions_are_joined_as_written(split: str, written: str) -> None:
    assert _join(split)[0] == written


@pytest.mark.parametrize(
    ("split", "written"),
    [
        ("Em a época , Por o contrário", "Na época , Pelo contrário"),
        ("De a Silva", "Da Silva"),
        ("A a tarde , A os domingos", "À tarde , Aos domingos"),
        ("CÉU EM O CHILE", "CÉU NO CHILE"),
        ("LANÇAM NAVE A A LUA", "LANÇAM NAVE À LUA"),
        ("QUADRINHISTAS DE O BRASIL inteiro", "QUADRINHISTAS DO BRASIL inteiro"),
        ("por 2 a O para o Benfica", "por 2 a O para o Benfica"),  # "de O": cases disagree
        ("Em O Globo", "Em O Globo"),
    ],
)
def test_capitalisation_follows_the_words(split: str, written: str) -> None:
    assert _join(split)[0] == written


def test_a_contraction_inside_an_entity_keeps_the_entity_exact() -> None:
    text, tags = _join(
        "o Ministério de a Fazenda , em o Rio Grande de o Sul",
        "O",
        "B-ORG",
        "I-ORG",
        "I-ORG",
        "I-ORG",
        "O",
        "O",
        "O",
        "B-LOC",
        "I-LOC",
        "I-LOC",
        "I-LOC",
        "I-LOC",
    )
    assert text == "o Ministério da Fazenda , no Rio Grande do Sul"
    assert tags == _tags("O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "I-LOC", "I-LOC", "I-LOC")


def test_the_joined_word_takes_the_first_tag() -> None:
    # Bosque "as Ruas de/B-LOC o/I-LOC Ouro/I-LOC": the entity starts on the contraction
    text, tags = _join("as Ruas de o Ouro e", "O", "O", "B-LOC", "I-LOC", "I-LOC", "O")
    assert text == "as Ruas do Ouro e"
    assert tags == _tags("O", "O", "B-LOC", "I-LOC", "O")


def test_never_joined_when_the_second_word_starts_an_entity() -> None:
    # Bosque: "Casal de/O as/B-LOC Pimenteiras/I-LOC": joining would move the entity's start
    tags = ("B-LOC", "O", "B-LOC", "I-LOC", "O", "B-LOC", "O", "B-LOC", "I-LOC")
    text, new_tags = _join("Casal de as Pimenteiras , Casal de a Fonte", *tags)
    assert text == "Casal de as Pimenteiras , Casal de a Fonte"
    assert new_tags == _tags(*tags)


def test_never_joined_across_two_entities() -> None:
    tags = ("B-ORG", "B-LOC", "I-LOC")  # first in one entity, second starts (or is in) another
    assert _join("Banco de o Brasil", "B-ORG", "I-ORG", "B-LOC", "I-LOC")[0] == "Banco de o Brasil"
    assert _join("em o Porto", *tags)[0] == "em o Porto"
    assert _join("de o Porto", "B-ORG", "I-LOC", "I-LOC")[0] == "de o Porto"


def test_words_and_tags_must_pair_up() -> None:
    with pytest.raises(ValueError):
        contract_words(["em", "o", "Porto"], _tags("O", "O"), PT)


def _write(tmp_path: Path, sentences: list[list[tuple[str, str]]]) -> Path:
    lines = []
    for rows in sentences:
        lines.append("# text = " + " ".join(w for w, _ in rows))
        lines += [f"{i}\t{w}\t{t}\t-\t-" for i, (w, t) in enumerate(rows, 1)]
        lines.append("")
    path = tmp_path / "pt_bosque-ud-test.iob2"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reader_keys_the_split_by_the_source_text(tmp_path: Path) -> None:
    """The split is computed from the unjoined text, so joining moves no sentence between splits."""
    sentences = [
        [("Ele", "O"), ("vive", "O"), ("em", "O"), ("o", "O"), ("Porto", "B-LOC"), (".", "O")],
        [("a", "O"), ("Câmara", "B-ORG"), ("de", "I-ORG"), ("os", "I-ORG"), ("Deputados", "I-ORG")],
        [("Em", "O"), ("a", "O"), ("época", "O"), (",", "O"), ("por", "O"), ("o", "O"), ("contrário", "O")],
    ] + [[("Pedido", "O"), ("de", "O"), ("o", "O"), (f"dia {n}", "O")] for n in range(60)]
    path = _write(tmp_path, sentences)
    nlp = spacy.blank("pt")
    labels = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
    plain = list(read_columns(path, nlp, token=1, tag=2, labels=labels))
    joined = list(read_columns(path, nlp, token=1, tag=2, labels=labels, contractions="pt"))
    assert [k for k, _ in plain] == [k for k, _ in joined]  # the same keys, so the same splits
    assert joined[0][0] == "Ele vive em o Porto ."
    assert joined[0][1].text.strip() == "Ele vive no Porto ."
    assert [(e.text, e.label_) for e in joined[0][1].ents] == [("Porto", "LOC")]
    assert [(e.text, e.label_) for e in joined[1][1].ents] == [("Câmara dos Deputados", "ORG")]
    assert joined[2][1].text.strip() == "Na época , pelo contrário"
    # keyed by the joined text instead, some of these sentences would change split
    assert any(split_of(k) != split_of(d.text.strip()) for k, d in joined)
    assert {split_of(k) for k, _ in plain} == {split_of(k) for k, _ in joined}


def test_only_the_bosque_recipe_joins_contractions() -> None:
    corpora = {spec["name"]: spec for spec in load_recipe("pt")["corpora"]}
    assert corpora["uner-pt"].get("contractions") == "pt"
    assert "contractions" not in corpora["wikiann-pt"]
    assert all("contractions" not in spec for spec in load_recipe("en")["corpora"])
