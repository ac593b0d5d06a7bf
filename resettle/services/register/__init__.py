"""The register: projects, villages, households, survey import, exports, checks."""
