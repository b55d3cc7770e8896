"""Step 1, fetch: inputs to bytes. Files and folders (``inputs``), polite HTTP with robots.txt
(``http``), council committee sites (``sites/``: ModernGov, CMIS, generic) and what scraping has
already seen (``state``). ``errors.FetchError`` is the one error every fetch raises.

May import: ``cspipe.models``. Never another step, ``flows`` or ``cli``.
"""
