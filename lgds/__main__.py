"""Allow ``python -m lgds``."""

from lgds.cli import main

main()
