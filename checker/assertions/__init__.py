"""Exact arithmetic decisions for claims (integers and Fractions, at claim and document level)."""
from .grim import PriorResult, nearest_percents, prior_interval, solve_prior

__all__ = ["PriorResult", "nearest_percents", "prior_interval", "solve_prior"]
