"""kzsupport: an offline directory of victim-support services in Kazakhstan."""

__version__ = "0.1.0"

INTERRUPTED = 130  # the exit code of a run stopped with Ctrl-C, as shells give it
