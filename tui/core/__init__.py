"""The pure core: ingest, segmentation, alignment, diffs. Imports neither Textual nor Rich."""
