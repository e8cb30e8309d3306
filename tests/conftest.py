import os
from pathlib import Path

from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"

settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.register_profile("thorough", deadline=None, max_examples=20_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The cache of validated rule packs (checker.engine.packcache) goes to a directory of this test run,
# not the user's ~/.cache: the tests load hundreds of temporary rule packs (subprocesses inherit it).
if "CLAIMCHECK_TEST_KEEP_CACHE" not in os.environ:
    import tempfile

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="claimcheck-test-cache-")
    import atexit
    import shutil

    atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)
