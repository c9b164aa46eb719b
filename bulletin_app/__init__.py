"""Bản tin đối ngoại Thái Nguyên — library, composition and print export."""

__version__ = "0.1.0"
APP_NAME = "Bản tin đối ngoại"
