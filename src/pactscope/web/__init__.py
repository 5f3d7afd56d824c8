"""The web interface: server-rendered pages and a JSON API over the library."""

from pactscope.web.app import create_app

__all__ = ["create_app"]
