"""The version of qatool, written into every output so a result says what made it."""
__version__ = "0.2.0"

# The project's home (SARIF informationUri, the README's install, pre-commit and action snippets).
PROJECT_URL = "https://github.com/qatool/qatool"
