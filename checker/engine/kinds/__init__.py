"""Importing this package registers every built-in rule kind."""
from . import claimkinds, magnitude, pattern, quantity_form, restated  # noqa: F401
