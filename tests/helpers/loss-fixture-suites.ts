/**
 * The fixture suites every loss test runs: replay the cases real PyTorch 1.13 wrote
 * (tests/fixtures/loss-*.json) for one function (values, gradients, grad_fn and repr,
 * functional and module form), and check that each error case throws, naming the fault.
 */
import { describe, expect, it } from 'vitest';
import {
  checkLossCase,
  checkLossErrorCase,
  loadLossFixture,
  type LossErrorCase,
  type LossFn,
} from './loss-fixtures.ts';

export interface LossFixtureCoverage {
  /** What the cases cover, for the test name: "the configurations of common_nn.py ...". */
  covers: string;
  /** Fewer cases than this means the fixture lost some. */
  atLeast: number;
  /** Likewise for the error cases (not checked when absent). */
  errorsAtLeast?: number;
}

export function describeLossFixtures(fn: LossFn, file: string, coverage: LossFixtureCoverage): void {
  const cases = loadLossFixture(file).filter((c) => c.fn === fn);
  const errors = ['loss-errors.json', 'loss-errors-more.json']
    .flatMap((f) => loadLossFixture<LossErrorCase>(f))
    .filter((c) => c.fn === fn);

  describe(`${fn} against PyTorch 1.13 fixtures`, () => {
    it(`covers ${coverage.covers}`, () => {
      expect(cases.length).toBeGreaterThan(coverage.atLeast);
    });
    for (const c of cases) it(c.name, () => checkLossCase(c));
  });

  describe(`${fn} rejects what PyTorch rejects, naming the fault`, () => {
    for (const c of errors) {
      it(`${c.name}${c.torchRaises ? '' : ' (PyTorch accepts it; a documented deviation)'}`, () => {
        checkLossErrorCase(c);
        // Option errors are raised when the module is built, the others when it is called.
        if (c.torchRaises && !/reduction|label_smoothing/.test(c.name)) checkLossErrorCase(c, true);
      });
    }
    const { errorsAtLeast } = coverage;
    if (errorsAtLeast !== undefined) {
      it('an error case set that covers every kind of fault', () => {
        expect(errors.length).toBeGreaterThan(errorsAtLeast);
      });
    }
  });
}
