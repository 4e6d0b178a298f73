"""The editor's own metadata: a CSV table over a folder, or front matter in a transcription.

Reading only: values are checked and located here; :mod:`tei.transforms.editor_facts` applies
them to a read telegram and :mod:`tei.encode.editor_marks` says in the TEI which facts came from
the editor.
"""

from tei.metadata.csv_table import parse_metadata_csv, read_metadata_csv
from tei.metadata.facts import EditorFacts
from tei.metadata.fields import FIELDS, MetadataError
from tei.metadata.front_matter import split_front_matter

__all__ = [
    "FIELDS",
    "EditorFacts",
    "MetadataError",
    "parse_metadata_csv",
    "read_metadata_csv",
    "split_front_matter",
]
