"""``python -m cspipe.cli`` is the ``cspipe`` command."""

from cspipe.cli.main import main

main()
