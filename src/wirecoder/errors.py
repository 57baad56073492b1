"""One exception hierarchy; every message carries a code, so a summary line can be grepped.
An InputError is carried by ``ingest.Rejected`` (the input skipped) or, for W110, by
``ingest.Notice`` (the input kept, with a warning); readers yield them, never raise them.
W203 travels on the article's ``Extraction.warnings`` and is stored with the article.

    WirecoderError                 W000  base; never raised bare
    +-- InputError                 W1xx  an article could not be read; the batch goes on
    |   +-- EmptyInput             W101  nothing but whitespace
    |   +-- BinaryInput            W102  NUL bytes / not text at all
    |   +-- DecodeFailed           W103  bytes that are not UTF-8 (nor a declared charset)
    |   +-- TooLarge               W104  over the size limit (default 1 MB of text; --max-bytes)
    |   +-- MalformedRecord        W105  a JSON line that does not parse, or is not an object
    |   +-- MissingText            W106  a record without its text field
    |   +-- NoMainText             W107  HTML from which no article text could be extracted
    |   +-- UnsupportedInput       W108  a file type we do not read
    |   +-- BadMetadata            W109  e.g. a publication date that is not a date
    |   |   +-- DateIgnored        W110  a warning, not a skip: a record's date is not a date
    |   |                                ("2024-02-30"); the article is stored, date unknown
    |   |   +-- OutOfRange         W112  a warning, not a skip: a date or a count that cannot
    |   |                                be true (year 9999, ten billion killed), in the
    |   |                                metadata or the text; the article is stored without it
    |   |   +-- UrlAsText          W114  a warning: a url that is not http(s) (javascript:,
    |   |                                data:), stored as text and never made a link
    |   +-- LinkSkipped            W111  a symbolic link in a folder, not followed
    |   +-- MetadataDiffers        W113  the text is stored with other metadata (a corrected
    |                                    date or title): ``--update`` replaces it
    +-- PipelineError              W2xx  the model or a stage failed
    |   +-- ModelMissing           W201  no spaCy English pipeline installed
    |   +-- StageFailed            W202  a stage raised on one article (the article is skipped)
    |   +-- LanguageUnread         W203  a warning, not a skip: the article's language is one no
    |                                    installed pipeline reads; it is stored, not parsed
    +-- StoreError                 W3xx  the database
    |   +-- SchemaMismatch         W301  a database written by an incompatible version
    +-- UsageError                 W4xx  a command was called wrongly (unknown id, bad filter)
"""

from __future__ import annotations


class WirecoderError(Exception):
    code = "W000"

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        self.message = message
        self.origin = origin
        where = f"{origin}: " if origin else ""
        super().__init__(f"[{self.code}] {where}{message}")


class InputError(WirecoderError):
    code = "W100"


class EmptyInput(InputError):
    code = "W101"


class BinaryInput(InputError):
    code = "W102"


class DecodeFailed(InputError):
    code = "W103"


class TooLarge(InputError):
    code = "W104"


class MalformedRecord(InputError):
    code = "W105"


class MissingText(InputError):
    code = "W106"


class NoMainText(InputError):
    code = "W107"


class UnsupportedInput(InputError):
    code = "W108"


class BadMetadata(InputError):
    code = "W109"


class DateIgnored(BadMetadata):
    code = "W110"


class OutOfRange(DateIgnored):
    code = "W112"


class UrlAsText(BadMetadata):
    code = "W114"


class LinkSkipped(InputError):
    code = "W111"


class MetadataDiffers(InputError):
    code = "W113"


class PipelineError(WirecoderError):
    code = "W200"


class ModelMissing(PipelineError):
    code = "W201"


class StageFailed(PipelineError):
    code = "W202"


class LanguageUnread(PipelineError):
    code = "W203"


class StoreError(WirecoderError):
    code = "W300"


class SchemaMismatch(StoreError):
    code = "W301"


class UsageError(WirecoderError):
    code = "W400"
