"""Numbers: Chinese numerals, exact intervals, quantities and their units."""
from .extract import extract_quantities
from .interval import Interval, fmt
from .numerals import NumeralError, ParsedNumber, parse_number, parse_rough
from .quantity import Quantity

__all__ = ["Interval", "NumeralError", "ParsedNumber", "Quantity", "extract_quantities", "fmt", "parse_number",
           "parse_rough"]
