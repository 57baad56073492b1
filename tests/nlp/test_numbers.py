from wirecoder.nlp.numbers import parse_count


def test_digits_words_and_vague_counts():
    assert parse_count("39") == 39
    assert parse_count("1,200") == 1200
    assert parse_count("eight") == 8
    assert parse_count("twenty-five") == 25
    assert parse_count("at least 12") == 12
    assert parse_count("up to 20") == 20
    assert parse_count("dozens") == 12      # ACLED's convention for vague counts
    assert parse_count("several") == 10
    assert parse_count("hundreds") == 100
    assert parse_count("some people") is None
