"""speelveld: the Dutch speelveldtoets for industrial electricity costs."""

__version__ = "0.1.0"
