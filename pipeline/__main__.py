"""``python -m pipeline`` is the ``cspipe`` command."""

from pipeline.cli import main

main()
