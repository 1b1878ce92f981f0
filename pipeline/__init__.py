"""pipeline: translate, check and build patient-facing health articles in many languages."""

#: The name the package is published and installed under (the command and the import stay `pipeline`).
DISTRIBUTION = "health-content-pipeline"
#: The release (pyproject.toml reads it from here): `pipeline --version` prints it without asking the installed metadata.
__version__ = "0.1.0"
