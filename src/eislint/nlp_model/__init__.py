"""The Dutch spaCy pipeline that ships with eislint (CC BY-SA 4.0; see LICENSE and README.md here).

Importing this module does not import spaCy; eislint.nlp loads the pipeline from PIPELINE_PATH.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent
PIPELINE_PATH = HERE / "pipeline"
SCORES_PATH = HERE / "scores.json"
