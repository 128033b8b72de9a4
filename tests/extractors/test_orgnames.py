"""Normalised organisation names: one grouping key for the spellings news uses."""

from __future__ import annotations

import pytest

from newsfacts.extractors.orgnames import normalize_org

__all__: list[str] = []


@pytest.mark.parametrize(
    ("surface", "norm"),
    [
        ("Siemens AG", "Siemens"),
        ("SIEMENS AG", "Siemens"),
        ("Henkel AG & Co. KGaA", "Henkel"),
        ("Bayer Aktiengesellschaft", "Bayer"),
        ("Microsoft Corp.", "Microsoft"),
        ("the Microsoft Corporation", "Microsoft"),
        ("Apple Inc.", "Apple"),
        ("Meta Platforms, Inc.", "Meta Platforms"),
        ("Banco Santander, S.A.", "Banco Santander"),
        ("Enel S.p.A.", "Enel"),
        ("ING Groep N.V.", "ING Groep"),
        ("PKN Orlen S.A.", "PKN Orlen"),
        ("BP p.l.c.", "BP"),
        ("Airbus SE", "Airbus"),
        ("Robert Bosch GmbH", "Robert Bosch"),
        ("„Deutsche Bank AG“", "Deutsche Bank"),
        ("General Motors Company", "General Motors"),
    ],
)
def test_orgnames_removes_legal_forms(surface: str, norm: str) -> None:
    assert normalize_org(surface) == norm


@pytest.mark.parametrize("name", ["TikTok", "OpenAI", "SAS", "BASF", "De Beers", "McDonald's", "L'Oréal", "AG Vulcan"])
def test_orgnames_keeps_names_that_only_look_like_forms(name: str) -> None:
    """A legal form is removed only at the end and never leaves an empty name."""
    assert normalize_org(name) == name


def test_orgnames_groups_spellings_together() -> None:
    spellings = ["Volkswagen AG", "VOLKSWAGEN AG", "Volkswagen Aktiengesellschaft", "Volkswagen"]
    assert {normalize_org(s) for s in spellings} == {"Volkswagen"}


def test_orgnames_in_pipeline_output() -> None:
    """The pipeline adds the norm next to the surface form, which stays as written."""
    from pathlib import Path

    from newsfacts.extractors.pipeline import extract_article

    seed = Path(__file__).resolve().parents[2] / "fixtures" / "de-tiktok-microsoft.txt"
    article = extract_article(seed.read_text(encoding="utf-8"))
    orgs = [e for e in article.entities if e.label == "ORG"]
    assert orgs and all(e.norm == normalize_org(e.text) for e in orgs)
    assert all(e.norm is None for e in article.entities if e.label != "ORG")
    payments = [f for f in article.facts if f.kind == "payment"]
    assert payments and all(f.vendor_norm == normalize_org(f.vendor) for f in payments if f.vendor)
    assert {f.customer_norm for f in payments} >= {"TikTok"}


def test_an_abbreviation_defined_in_brackets_groups_under_its_full_name() -> None:
    """Written by us: "Die HypoVereinsbank (HVB)" makes a later "HVB" the same company: its
    facts keep the name as written, group under the full name, and one statement told in the
    title and the body is one fact."""
    from newsfacts.extractors.pipeline import extract_article

    text = (
        "HypoVereinsbank streicht weitere 1200 Arbeitsplätze\n\n"
        "Die HypoVereinsbank (HVB) baut weitere 1200 Arbeitsplätze ab. Die HVB hatte zuletzt 15.000 Mitarbeiter."
    )
    counts = [(f.company, f.company_norm, int(f.count_value or 0)) for f in extract_article(text, lang="de").facts]
    assert counts == [("HVB", "HypoVereinsbank", 1200), ("HVB", "HypoVereinsbank", 15000)]
