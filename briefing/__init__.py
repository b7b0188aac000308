"""briefing: SCIO press-briefing transcripts as tidy, traceable tables.

>>> import briefing
>>> b = briefing.load()            # the bundled Oct. 20, 2023 MIIT briefing
>>> b.figures.query("sector == 'new_energy_vehicles'")[["surface", "value", "unit", "subject"]]
"""

from .corpus import Corpus, read_many
from .errors import ReferenceFileError, TranscriptError
from .lexicon import Lexicon, LexiconError
from .model import Briefing, Meta, Steps, load, parse, read

__all__ = [
    "Briefing",
    "Corpus",
    "Lexicon",
    "LexiconError",
    "Meta",
    "Steps",
    "ReferenceFileError",
    "TranscriptError",
    "__version__",
    "load",
    "parse",
    "read",
    "read_many",
]
#: The package's version, its one source: pyproject.toml reads it (``dynamic = ["version"]``).
__version__ = "0.1.0"
