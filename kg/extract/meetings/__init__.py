"""Meetings: who met whom, when, how, on whose behalf.

- ``rules.py`` — the rules that read meetings from sentences;
- ``cues.toml`` — their cue words (act words, video and letter words, attendance words …);
- ``examples.tsv`` — sentences and the meetings they state, run by
  ``tests/extract/test_meeting_examples.py``.
"""
from .rules import REPLY_ACTS, SIGNING_ACTS, MeetingContext, read_meetings

__all__ = ["REPLY_ACTS", "SIGNING_ACTS", "MeetingContext", "read_meetings"]
