"""SalesDesk: the client base and sales of a small office."""

__version__ = "0.1.0"
