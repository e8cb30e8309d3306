"""Coverage-guided fuzzing of the reader and the extractor with atheris.

    pip install atheris
    python fuzz/fuzz_pipeline.py -atheris_runs=100000 fixtures/seeds   # corpus: the seeds

Input bytes go through ``read_bytes`` (encoding detection, binary refusal, HTML and
.docx readers chosen by a leading selector byte) and then the whole pipeline.  The
only exceptions allowed out are the documented ``InputError``/``ConfigError``;
anything else is a crash.  Prints how many inputs ran.
"""
import sys

import atheris

with atheris.instrument_imports():
    from checker.errors import ClaimcheckError
    from checker.io import read_bytes
    from checker.pipeline import analyse
    from checker.report.build import file_out

SUFFIX = [".txt", ".md", ".html", ".docx"]
COUNT = [0]


def one_input(data: bytes) -> None:
    COUNT[0] += 1
    if not data:
        return
    suffix = SUFFIX[data[0] % len(SUFFIX)]
    try:
        src = read_bytes(data[1:], f"fuzz{suffix}")
    except ClaimcheckError:
        return
    doc = analyse(src)
    file_out(doc)  # every span must map into the original and validate


def main() -> None:
    import atexit

    atexit.register(lambda: print(f"fuzz: {COUNT[0]} inputs ran, 0 crashes", file=sys.stderr))
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
