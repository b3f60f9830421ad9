"""City-partner links: which places are tied, how and since when.

- ``rules.py`` — the rules that read partner links from sentences, and the links of leader meetings;
- ``cues.toml`` — their cue words (sister-city, plan, visit and tier words);
- ``examples.tsv`` — sentences and the links they state, run by
  ``tests/extract/test_partner_examples.py``.
"""
from .rules import _foreign_places_in, leader_links, pair_named, read_pair_ties, read_partner_links, row_ties, signed_at_meeting

__all__ = ["leader_links", "pair_named", "read_pair_ties", "read_partner_links", "row_ties", "signed_at_meeting"]
