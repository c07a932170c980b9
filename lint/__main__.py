"""`python -m lint` runs the newslint command line."""

from .cli import main

main()
