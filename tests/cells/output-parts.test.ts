/** Output parts: tensor reprs (kept aligned, scrolled on phones) apart from text (wrapped). */
import { describe, expect, it } from 'vitest';
import { outputParts } from '../../src/cells/output-parts.ts';

describe('outputParts', () => {
  it('keeps a multi-line tensor together and puts the error line after it in text', () => {
    const out = [
      'logits: tensor([[[ 1.0000,  2.0000],',
      '         [ 3.0000,  4.0000]]])',
      'Error (line 4): 0D or 1D target tensor expected, multi-target not supported; got target of shape (B,1,H,W) [2, 1, 2, 2]',
    ].join('\n');
    expect(outputParts(out)).toEqual([
      { kind: 'tensor', text: 'logits: tensor([[[ 1.0000,  2.0000],\n         [ 3.0000,  4.0000]]])\n' },
      {
        kind: 'text',
        text: 'Error (line 4): 0D or 1D target tensor expected, multi-target not supported; got target of shape (B,1,H,W) [2, 1, 2, 2]',
      },
    ]);
  });

  it('splits text, a one-line tensor and more text, and loses no character', () => {
    const out = 'shape [2, 3]\ntensor(0.3133, grad_fn=<NllLossBackward0>)\ndone\n';
    const parts = outputParts(out);
    expect(parts).toEqual([
      { kind: 'text', text: 'shape [2, 3]\n' },
      { kind: 'tensor', text: 'tensor(0.3133, grad_fn=<NllLossBackward0>)\n' },
      { kind: 'text', text: 'done\n' },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(out);
  });

  it('ends an unclosed repr at an error line', () => {
    expect(outputParts('tensor([1.,\nError (line 2): boom')).toEqual([
      { kind: 'tensor', text: 'tensor([1.,\n' },
      { kind: 'text', text: 'Error (line 2): boom' },
    ]);
  });

  it('gives nothing for an empty output', () => {
    expect(outputParts('')).toEqual([]);
  });
});
