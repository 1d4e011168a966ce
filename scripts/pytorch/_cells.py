"""Shared helper for the chapter reproductions in this folder.

Each chapter script mirrors, cell by cell, the TypeScript cells of one chapter in
content/<chapter-id>.mdx, using PyTorch 1.13. `cell(title)` prints a marker line
before each cell's output, so that check_outputs.py can compare every section with
the matching ```output fence. A cell expected to throw is marked with throws=True:
its section shows PyTorch's own error (our module words its errors itself).
"""
import torch

MARK = '=== cell: '


def cell(title, throws=False):
    print(f"{MARK}{title}{' [throws]' if throws else ''}")


def show_error(fn):
    """Run fn and print PyTorch's error as one line, as a cell's error line would."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - reproducing whatever PyTorch raises
        print(f"{type(e).__name__}: {e}")
    else:
        raise AssertionError('expected an error')


torch.set_printoptions(profile='default')
