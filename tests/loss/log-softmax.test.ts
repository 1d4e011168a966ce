import { describe, expect, it } from 'vitest';
import { tensor, logSoftmax } from '../../src/loss/index.ts';
import { expectClose } from '../helpers/close.ts';
import { checkLossCase, checkLossErrorCase, loadLossFixture, type LossErrorCase } from '../helpers/loss-fixtures.ts';

const cases = loadLossFixture('loss-softmax.json').filter((c) => c.fn === 'logSoftmax');
const errors = loadLossFixture<LossErrorCase>('loss-errors.json').filter((c) => c.fn === 'logSoftmax');

describe('logSoftmax against PyTorch 1.13 fixtures', () => {
  it('covers every dim, 0-d, float64, non-finite and empty inputs', () => {
    expect(cases.length).toBeGreaterThan(15);
  });
  for (const c of cases) it(c.name, () => checkLossCase(c));
});

describe('logSoftmax rejects what PyTorch rejects, naming the fault', () => {
  for (const c of errors) it(c.name, () => checkLossErrorCase(c));
});

describe('logSoftmax by hand', () => {
  it('is x - log Σ exp(x), finite where softmax underflows', () => {
    const y = logSoftmax(tensor([0, -800, -1e4], { dtype: 'float64' }), 0).data;
    expectClose(y, [0, -800, -1e4], { atol: 0, rtol: 1e-15 });
  });

  it('a -Infinity logit gives -Infinity, the others stay finite', () => {
    const y = logSoftmax(tensor([-Infinity, 0, 0], { dtype: 'float64' }), 0).data;
    expectClose(y, [-Infinity, -Math.LN2, -Math.LN2], { atol: 0, rtol: 1e-15 });
  });
});
