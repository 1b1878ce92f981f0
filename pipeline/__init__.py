"""pipeline: translate, check and build patient-facing health articles in many languages."""
