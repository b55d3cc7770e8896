"""Step 4, store: the SQLite database. ``schema`` (tables and numbered migrations), ``load``
(one transaction per document, read-only opening for readers), ``views`` (the comparison views),
``contacts`` (phone numbers and e-mails removed before anything is written).

May import: ``cspipe.models``, ``cspipe.extractors``, ``cspipe.pipeline.match`` (the rows it
builds). Never ``outputs``, ``ingest``, ``flows`` or ``cli``.
"""
