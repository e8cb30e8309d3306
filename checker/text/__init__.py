"""Text normalisation, offset maps and sentence splitting."""
from .normalize import NormalizedText, normalize
from .offsets import LineIndex, OffsetMap

__all__ = ["LineIndex", "NormalizedText", "OffsetMap", "normalize"]
