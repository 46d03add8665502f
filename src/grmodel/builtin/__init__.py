"""grmodel's own plugins: the core registers itself through the public hooks."""
