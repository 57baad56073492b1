"""wirecoder: news articles about armed conflict -> sourced, geocoded, time-normalized events and actors."""

__version__ = "0.1.0"
