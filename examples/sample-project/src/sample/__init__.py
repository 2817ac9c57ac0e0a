"""A small package for importgate's self-test."""
from sample.greeting import greet

__all__ = ["greet"]
