"""pactscope: does an alliance protect its members? Data, panels, ledger, metrics, reports."""

__version__ = "0.1.0"
