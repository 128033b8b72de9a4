"""The extractor version written into every record (``extractor_version``)."""

__all__ = ["__version__"]

__version__ = "0.1.0"
