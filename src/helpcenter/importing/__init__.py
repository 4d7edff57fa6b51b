"""The import stage: another help center's export read, converted to entries and written all or nothing."""
