"""Entities no gazetteer lists: the name rules of the spaCy pipeline.

- ``name_rules.py`` — the ``kg_names`` component: persons next to titles, transliterated names,
  organisation and event shapes, places written after their country;
- ``bodies.py`` — bodies by their shape over any place (X市人民政府外事办公室, 法国驻武汉总领事馆);
- ``names.toml``, ``bodies.toml`` — their cue words and body names;
- ``examples.tsv`` — sentences and the entities they name, run by
  ``tests/extract/test_entity_examples.py``.
"""
