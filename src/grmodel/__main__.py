"""``python -m grmodel``: the same as the ``grmodel`` command."""

from grmodel.cli import main

if __name__ == "__main__":  # not when a spawned process (a dask worker) imports it
    main()
