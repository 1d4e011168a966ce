"""Check the PyTorch examples of the cheat sheet (src/guide/from-pytorch.mdx) against PyTorch 1.13.

Run: /usr/bin/python3 scripts/pytorch/check_from_pytorch.py
Every ```python fence of the page is an interactive session (`>>> ` lines and what PyTorch prints
after them). The fences are run in order, as one session, by Python's doctest, which compares
each printed result with the page (`...` in an expected line matches anything, as in an object
address). A fence marked ```python same-output must also print what the ```ts run cell after it
prints; tests/cells/doc-examples.test.ts checks that side without Python. Exits non-zero on any
difference.
"""
import doctest
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PAGE = ROOT / 'src' / 'guide' / 'from-pytorch.mdx'
FENCE = re.compile(r'^```python[^\n]*\n(.*?)^```', re.M | re.S)


def examples(text):
    """The examples of every fence, in order, each with its 0-based line in the page."""
    parser = doctest.DocTestParser()
    found = []
    for fence in FENCE.finditer(text):
        first_line = text.count('\n', 0, fence.start(1))
        for example in parser.get_examples(fence.group(1)):
            example.lineno += first_line
            found.append(example)
    return found


def main():
    text = PAGE.read_text()
    found = examples(text)
    if not found:
        print(f'{PAGE}: no ```python fences')
        return 1
    # One doctest for the whole page, so that names carry from one fence to the next.
    test = doctest.DocTest(found, {}, PAGE.name, str(PAGE), 0, None)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    print(f'{PAGE.relative_to(ROOT)}: {len(FENCE.findall(text))} PyTorch sessions, {result.attempted} examples, '
          f'{result.failed} failed')
    return 1 if result.failed else 0


if __name__ == '__main__':
    sys.exit(main())
