"""`python -m newslint` runs the newslint command line."""

from newslint.cli import main

main()
