"""kzsupport: an offline directory of victim-support services in Kazakhstan."""

__version__ = "0.1.0"
