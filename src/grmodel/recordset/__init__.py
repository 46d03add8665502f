"""Record sets: directories and files of YAML, JSON, JSON Lines and CSV records."""
