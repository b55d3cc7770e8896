"""Step 2, extract: the extractors run on one document's bytes inside a bounded worker process
(``box``: time and memory limits, a crash costs one document). What is extracted is decided in
``cspipe.extractors``; this folder only runs it safely.

May import: ``cspipe.models``, ``cspipe.extractors``. Never another step, ``flows`` or ``cli``.
"""
