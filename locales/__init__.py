"""gettext catalogs (installed as kzsupport.locales)."""
