"""The table of descriptive groups and facility nouns (resources/descriptive_groups.yaml)."""

from wirecoder.resources.descriptive import acled_types, described_group, facility_heads


def test_descriptive_groups_typed_by_table():
    assert described_group("bandits", [])[0] == "unidentified-armed-group"
    assert described_group("maoists", [])[2] == "rebel group"
    assert described_group("militia", ["ethnic"])[2] == "identity militia"
    assert described_group("youths", ["armed"])[0] == "unidentified-armed-group"


def test_needed_modifier():
    assert described_group("youths", []) is None  # "youths" alone is no armed group
    assert described_group("militia", []) is None  # a militia with no communal word: not here


def test_vigilantes_typed_by_context():
    assert described_group("vigilantes", [])[2] == "political militia"
    assert described_group("vigilantes", [], ["the", "village", "guards"])[2] == \
        "identity militia"


def test_acled_types_and_facilities():
    assert acled_types()["maoist-rebels"] == "rebel group"
    assert {"museum", "hotel", "airport", "bridge"} <= facility_heads()
