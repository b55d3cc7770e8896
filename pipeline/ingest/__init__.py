"""The steps composed: ``documents`` takes inputs from bytes to stored rows (fetch, extract in
the box, match, store; skips what is loaded), ``scrape`` does it for every new paper of a council
site. ``flows/`` and the CLI call these.

May import: every step folder of ``cspipe.pipeline``, ``cspipe.models``, ``cspipe.extractors``.
Never ``flows`` or ``cli``.
"""
