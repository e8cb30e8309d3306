"""``python -m checker`` runs the command-line interface."""
from .cli import run

run()
