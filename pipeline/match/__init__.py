"""Step 3, match: organisation names to registry ids, and an extraction to contract rows.

``registry/`` is the data (built from licensed sources by its builder); ``words.py`` reads the
matcher's word lists from ``vocab/``; ``context``, ``names``, ``roles``, ``abbreviations`` and
``scan`` are the parts of ``matcher.Matcher``; ``partnerships`` decides whose paper it is;
``resolve`` resolves one extraction at once; ``rows`` turns it into the rows ``store`` writes.

May import: ``cspipe.models``, ``cspipe.extractors``. Never another step, ``flows`` or ``cli``.
"""
