"""Exact arithmetic decisions for claims (integer/Fraction; sympy only at document level)."""
from .grim import PriorResult, nearest_percents, prior_interval, solve_prior

__all__ = ["PriorResult", "nearest_percents", "prior_interval", "solve_prior"]
