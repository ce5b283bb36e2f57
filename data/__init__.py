"""Bundled data files (installed as kzsupport.data)."""
