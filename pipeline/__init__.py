"""pipeline: translate, check and build patient-facing health articles in many languages."""

#: The name the package is published and installed under (the command and the import stay `pipeline`).
DISTRIBUTION = "health-content-pipeline"
