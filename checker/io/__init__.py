"""Reading inputs: files, directories, standard input; encodings; binary refusal."""
from .decode import decode_bytes, looks_binary
from .source import SourceDocument, iter_paths, read_bytes, read_path, source_from_text

__all__ = ["SourceDocument", "decode_bytes", "iter_paths", "looks_binary", "read_bytes", "read_path",
           "source_from_text"]
