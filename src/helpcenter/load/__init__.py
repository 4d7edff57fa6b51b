"""Load: reading and checking the content files (YAML, fields, markup, links, references) into the model."""
