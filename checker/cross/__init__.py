"""Consistency across an archive: claim frames written while scanning, compared across documents.

``rows`` turns one analysed document into frame rows; ``store`` writes them to a DuckDB or Parquet
table in batches and reads them back; ``find`` compares frames of different documents (the frames'
own identity, ``same_frame``) and ``rules`` holds the messages of the cross-document rules."""
