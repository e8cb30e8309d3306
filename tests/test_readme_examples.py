"""The README's checker.testing example is code a user pastes: it must run as written."""
from conftest import ROOT


def test_checker_testing_example_runs():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Property-based tests with `checker.testing`"):]
    code = section[section.index("```python\n") + len("```python\n"):]
    code = code[:code.index("```")]
    ns: dict = {}
    exec(compile(code, "README.md", "exec"), ns)
    tests = [v for k, v in ns.items() if k.startswith("test_")]
    assert len(tests) == 3
    for t in tests:
        t()


def test_library_example_runs():
    """The README's library example runs as written."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Use as a library"):]
    code = section[section.index("```python\n") + len("```python\n"):]
    code = code[:code.index("```")]
    exec(compile(code, "README.md", "exec"), {})
