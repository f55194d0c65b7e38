"""isodocs: compliance documentation as code for ISO management systems."""

__version__ = "0.1.0"
