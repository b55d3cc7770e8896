"""``python -m pipeline`` is the ``cspipe`` command."""

from cspipe.cli.main import main

main()
