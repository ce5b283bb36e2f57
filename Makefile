# Aliases for tasks.py, which needs nothing but Python 3.10+ (see README.md).
.PHONY: run test check catalogs readme
run test catalogs readme:
	python3 tasks.py $@
check: test
