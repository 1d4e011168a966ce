"""Check that every ```output fence in our chapters is what PyTorch 1.13 prints.

Run: /usr/bin/python3 scripts/pytorch/check_outputs.py [chapter-id ...]
For each chapter it runs scripts/pytorch/<chapter-id>.py, splits its output at the
cell markers, and compares section i with the output fence of the i-th `ts run` cell
in content/<chapter-id>.mdx. Cells flagged `throws` must match a [throws] section;
their fences hold our module's own error line, so only the flag is compared.
Exits non-zero on any mismatch.
"""
import re
import subprocess
import sys
from pathlib import Path

from _cells import MARK

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# Every chapter that has a reproduction here (<chapter-id>.py beside a content/<chapter-id>.mdx).
CHAPTERS = sorted(p.stem for p in HERE.glob('*.py')
                  if not p.stem.startswith(('_', 'check_')) and (ROOT / 'content' / f'{p.stem}.mdx').exists())
CELL = re.compile(r"^```ts run([^\n]*)\n(.*?)^```\s*\n\s*^```output\n(.*?)^```", re.M | re.S)


def torch_sections(chapter):
    out = subprocess.run([sys.executable, str(HERE / f'{chapter}.py')], check=True,
                         capture_output=True, text=True, cwd=HERE).stdout
    sections = []
    for line in out.splitlines():
        if line.startswith(MARK):
            sections.append({'title': line[len(MARK):], 'lines': []})
        else:
            sections[-1]['lines'].append(line)
    return sections


def check(chapter):
    mdx = (ROOT / 'content' / f'{chapter}.mdx').read_text()
    cells = CELL.findall(mdx)
    sections = torch_sections(chapter)
    failures = 0
    if len(cells) != len(sections):
        print(f'{chapter}: {len(cells)} cells in MDX, {len(sections)} in the PyTorch script')
        failures += 1
    for i, ((flags, _code, output), sec) in enumerate(zip(cells, sections), 1):
        throws = 'throws' in flags.split()
        if throws != sec['title'].endswith('[throws]'):
            print(f'{chapter} cell {i} ({sec["title"]}): throws flag differs')
            failures += 1
        elif not throws and output.rstrip('\n') != '\n'.join(sec['lines']).rstrip('\n'):
            print(f'{chapter} cell {i} ({sec["title"]}): output differs\n--- MDX\n{output}--- PyTorch')
            print('\n'.join(sec['lines']))
            failures += 1
    print(f'{chapter}: {len(cells)} cells, {failures} problem(s)')
    return failures


if __name__ == '__main__':
    chosen = sys.argv[1:] or CHAPTERS
    sys.exit(1 if sum(check(c) for c in chosen) else 0)
