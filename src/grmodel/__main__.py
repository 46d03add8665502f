"""``python -m grmodel``: the same as the ``grmodel`` command."""

from grmodel.cli import main

main()
