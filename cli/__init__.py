"""The ``cspipe`` command: the top floor, which imports every layer and is imported by none.

``main.py`` holds the app and ``ingest``/``summary``; the other modules register their commands
(``compare.py``: compare, report, serve, export; ``cspipe.flows.py``: scrape and schedules; ``orgs.py``:
registry curation; ``inspect.py``: one page explained). Each command calls the same steps a
script would (``cspipe.pipeline``, ``cspipe.flows``).
"""
