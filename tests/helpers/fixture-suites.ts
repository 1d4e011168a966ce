/**
 * The fixture suites every op and creation test runs: replay the cases real PyTorch 1.13
 * wrote (tests/fixtures/tensor-*.json) for the functions under test, and check that each
 * error case throws a message starting with PyTorch's (or with `ours[name]`, where we chose
 * other words).
 */
import { describe, expect, test } from 'vitest';
import {
  callCreation,
  casesUsing,
  checkErrorCase,
  checkOpCase,
  expectTensor,
  loadFixture,
  type ErrorCase,
  type OpCase,
  type TensorJson,
} from './tensor-fixtures.ts';

interface CreationCase {
  name: string;
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  out: TensorJson;
}

/** Creation cases: dtype, shape, values, requires_grad and the exact repr. */
/** The fixture files of each kind: the first generation's and the later ops' (gen_tensor_fixtures.py). */
const FILES = {
  creation: ['tensor-creation.json', 'tensor-creation-int32-bool.json'],
  ops: ['tensor-ops.json', 'tensor-ops-math.json'],
  errors: ['tensor-errors.json', 'tensor-errors-math.json'],
};

function loadAll<T>(files: string[]): T[] {
  return files.flatMap((f) => loadFixture<T[]>(f));
}

export function describeCreationFixtures(
  label: string,
  fns: string[],
  ours: Record<string, string> = {},
): void {
  const cases = loadAll<CreationCase>(FILES.creation).filter((c) => fns.includes(c.fn));
  const errorCases = loadAll<ErrorCase>(FILES.errors).filter((c) => c.kind === 'call' && fns.includes(c.fn!));

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
      test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) =>
        checkErrorCase(c, ours[c.name]),
      );
    });
  }
}

/** Op chains that use any of `methods`: values, strides, grad_fn, repr and gradients. */
export function describeOpFixtures(
  label: string,
  methods: string[],
  ours: Record<string, string> = {},
): void {
  const opCases = casesUsing(loadAll<OpCase>(FILES.ops), ...methods);
  const errorCases = casesUsing(loadAll<ErrorCase>(FILES.errors), ...methods);

  describe(`${label} matches PyTorch 1.13 (values, strides, grad_fn, repr, gradients)`, () => {
    test('the fixture has cases', () => expect(opCases.length).toBeGreaterThan(0));
    test.each(opCases.map((c) => [c.name, c] as const))('%s', (_name, c) => checkOpCase(c));
  });

  if (errorCases.length > 0) {
    describe(`${label} throws as PyTorch does`, () => {
      test.each(errorCases.map((c) => [c.name, c] as const))('%s', async (_name, c) =>
        checkErrorCase(c, ours[c.name]),
      );
    });
  }
}
