"""The web UI and HTTP API over the store (FastAPI); pages come from render/, work from pipeline."""
