"""Where things are, for the tests: the checkout, its sample articles, the tests' own data."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SAMPLE = SEEDS / "000_2f1474f60fdc96d6.txt"  # the user's sample article
DATA = Path(__file__).resolve().parent / "data"
SUPPORT = Path(__file__).resolve().parent
