/**
 * Replays the creation cases of tests/fixtures/tensor-creation.json and the matching call
 * errors of tensor-errors.json (real PyTorch 1.13) for some creation functions: each case
 * checks dtype, shape, values, requires_grad and the exact repr; each error case that our
 * message starts with PyTorch's (or with `ours[name]`, where we chose other words).
 */
import { describe, expect, test } from 'vitest';
import {
  callCreation,
  checkErrorCase,
  expectTensor,
  loadFixture,
  type ErrorCase,
  type TensorJson,
} from './tensor-fixtures.ts';

interface CreationCase {
  name: string;
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  out: TensorJson;
}

export function describeCreationFixtures(label: string, fns: string[], ours: Record<string, string> = {}): void {
  const cases = loadFixture<CreationCase[]>('tensor-creation.json').filter((c) => fns.includes(c.fn));
  const errorCases = loadFixture<ErrorCase[]>('tensor-errors.json').filter(
    (c) => c.kind === 'call' && fns.includes(c.fn!),
  );

  describe(`${label} matches PyTorch 1.13 (dtype, shape, values, repr)`, () => {
    test('the fixture has cases', () => expect(cases.length).toBeGreaterThan(0));
    test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const t = await callCreation(c.fn, c.args, c.kwargs);
      expectTensor(t, c.out, c.name);
      expect(t.requiresGrad).toBe(c.out.requiresGrad);
      expect(t.toString()).toBe(c.out.repr);
    });
  });

  if (errorCases.length > 0) {
    describe(`${label} throws as PyTorch does`, () => {
      test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => checkErrorCase(c, ours[c.name]));
    });
  }
}
