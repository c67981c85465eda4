"""The version of qatool, written into every output so a result says what made it."""
__version__ = "0.1.0"
