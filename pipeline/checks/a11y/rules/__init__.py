"""The accessibility rules: one module per rule, its file name is its id (see `..engine` for the contract)."""
