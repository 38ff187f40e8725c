"""Product carbon footprints (ISO 14067 / GB/T 24067-2024) and their PACT exchange."""
