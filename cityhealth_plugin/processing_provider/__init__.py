"""Processing provider ``cityhealth``."""
