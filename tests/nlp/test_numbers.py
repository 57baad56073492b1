from wirecoder.nlp.numbers import parse_count


def test_digits_words_and_vague_counts():
    assert parse_count("39") == 39
    assert parse_count("1,200") == 1200
    assert parse_count("eight") == 8
    assert parse_count("twenty-five") == 25
    assert parse_count("at least 12") == 12
    assert parse_count("up to 20") == 20
    assert parse_count("dozens") == 12      # ACLED's Fatalities FAQ
    assert parse_count("several") == 3      # ACLED's event notes ("coded as three")
    assert parse_count("tens") == 10
    assert parse_count("hundreds") == 100
    assert parse_count("some people") is None
    assert parse_count("multiple") == 3     # as "several"
    assert parse_count("numerous") == 4     # more than "several": the most conservative
    assert parse_count("a number of") == 4
    assert parse_count("more than 10") == 11  # the least the wording allows
    assert parse_count("over 30") == 31


def test_every_vague_quantity_has_a_source():
    import yaml
    from importlib import resources

    table = yaml.safe_load(resources.files("wirecoder.resources")
                           .joinpath("vague_quantities.yaml").read_text("utf-8"))
    assert all(v["source"] and v["count"] > 0 for v in table["values"].values())
