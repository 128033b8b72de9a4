"""The pack format (extractors/packspec.py): typed keys, checked at load, a committed schema."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from newsfacts.extractors import langpack, packspec
from newsfacts.extractors.errors import LangPackError
from newsfacts.extractors.langpack import available_languages, load_langpack

_PACKS: Path = langpack.LANGPACK_DIR
_MODELS: list[type[BaseModel]] = [
    packspec.MetaData,
    packspec.TextData,
    packspec.NumberData,
    packspec.RateData,
    packspec.MoneyData,
    packspec.PercentData,
    packspec.PeriodData,
    packspec.FactsData,
    packspec.PackSpec,
    packspec.PackFile,
]


def test_packspec_schema_file_is_current() -> None:
    committed = packspec.SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == packspec.render_schema(), (
        "langpack.schema.json is stale: run `python -m newsfacts.extractors.packspec` and commit"
    )


@pytest.mark.parametrize("model", _MODELS, ids=lambda m: m.__name__)
def test_packspec_every_key_is_described_and_closed(model: type[BaseModel]) -> None:
    assert model.model_config.get("extra") == "forbid"
    undescribed = [name for name, field in model.model_fields.items() if not field.description]
    assert undescribed == [], f"{model.__name__}: keys without a description"


def test_packspec_facts_strings_are_marked_regexes() -> None:
    schema = json.loads(packspec.render_schema())
    for name, prop in schema["$defs"]["FactsData"]["properties"].items():
        if prop.get("type") == "string":
            assert prop.get("format") == "regex" and prop.get("x-case") in {"sensitive", "ignore"}, name


def test_packspec_every_pack_file_matches_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(packspec.SCHEMA_FILE.read_text(encoding="utf-8")))
    for path in sorted(langpack.LANGPACK_DIR.glob("*.toml")):
        errors = [e.message for e in validator.iter_errors(tomllib.loads(path.read_text(encoding="utf-8")))]
        assert errors == [], path.name


@pytest.mark.parametrize("lang", available_languages())
def test_packspec_facts_stay_a_dict_as_written(lang: str) -> None:
    """The engines read ``pack.facts`` as the file's table: loading types it, changes nothing."""
    written = tomllib.loads((langpack.LANGPACK_DIR / f"{lang}.toml").read_text(encoding="utf-8"))
    assert load_langpack(lang).facts == written.get("facts", {})


def test_packspec_facts_model_is_the_linkers() -> None:
    """The linker validates ``[facts]`` with the pack spec's own model: one model, no drift."""
    from newsfacts.extractors.facts import cues

    assert cues.FactsPack is packspec.FactsData


@pytest.fixture()
def pack_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    base = (langpack.LANGPACK_DIR / "_base.toml").read_text(encoding="utf-8")
    (tmp_path / "_base.toml").write_text(base, encoding="utf-8")
    monkeypatch.setattr(langpack, "LANGPACK_DIR", tmp_path)
    load_langpack.cache_clear()
    yield tmp_path
    load_langpack.cache_clear()


def _de_with(old: str, new: str) -> str:
    text = (_PACKS / "de.toml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            "\nbuy_verbs =",
            "\nbuy_verb =",
            "facts.buy_verb",
            "zz.toml: [facts] buy_verb: unknown key (did you mean buy_verbs?)",
        ),
        (
            "\nbuy_verbs = '",
            "\nbuy_verbs = '(",
            "facts.buy_verbs",
            "zz.toml: [facts] buy_verbs: not a regular expression",
        ),
        ("\nvendor_preps = [", "\nvendor_preps = 3 #", "facts.vendor_preps", "zz.toml: [facts] vendor_preps: "),
        ("[facts]", "[fact]", "fact", "zz.toml: fact: unknown key (did you mean facts?)"),
        (
            "[numbers]\n",
            "[numbers]\ndecimal_seperator = ','\n",
            "numbers.decimal_seperator",
            "zz.toml: [numbers] decimal_seperator: unknown key (did you mean decimal_separator?)",
        ),
    ],
)
def test_packspec_misspelt_key_fails_at_load_naming_file_and_key(
    pack_dir: Path, old: str, new: str, key: str, message: str
) -> None:
    (pack_dir / "zz.toml").write_text(_de_with(old, new), encoding="utf-8")
    with pytest.raises(LangPackError) as info:
        load_langpack("zz")  # at load: no article extracted
    assert info.value.file == "zz.toml" and info.value.key == key
    assert str(info.value).startswith(message)


def test_packspec_missing_facts_key_blames_the_language_file(pack_dir: Path) -> None:
    body = _de_with("\nsell_verbs =", "\n# sell_verbs =")
    (pack_dir / "zz.toml").write_text(body, encoding="utf-8")
    with pytest.raises(LangPackError) as info:
        load_langpack("zz")
    assert str(info.value) == "zz.toml: [facts] sell_verbs: missing key"
