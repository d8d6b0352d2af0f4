"""landuse."""
