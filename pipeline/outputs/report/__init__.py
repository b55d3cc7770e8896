"""The HTML report (``cspipe report``), in layers.

``queries`` (the only SQL) -> ``grids`` / ``tables`` (rows shaped for the page) and
``charts`` (matplotlib bars; ``svg`` inlines them) -> ``html`` (Jinja2 templates in
``pipeline/outputs/templates``). ``links`` builds every figure-to-rows and row-to-page link.
"""
