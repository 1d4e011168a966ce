/**
 * The loss files must run under Node 24's type stripping as they are (no enums, parameter
 * properties or namespaces): load the module in a plain `node` process and use every loss.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const index = fileURLToPath(new URL('../../src/loss/index.ts', import.meta.url));
const script = `
  const m = await import(${JSON.stringify(index)});
  const x = m.tensor([[1.5, -0.5, 0.25]], { requiresGrad: true });
  const t = m.tensor([0]);
  const out = [
    String(m.nn.CrossEntropyLoss({ labelSmoothing: 0.1 })(x, t)),
    String(m.nllLoss(m.logSoftmax(x, 1), t)),
    String(m.softmax(x, 1)),
    String(m.binaryCrossEntropy(m.tensor([0.25], { dtype: 'float32' }), m.tensor([1], { dtype: 'float32' }))),
    String(m.binaryCrossEntropyWithLogits(m.tensor([0.25], { dtype: 'float32' }), m.tensor([1], { dtype: 'float32' }))),
  ];
  console.log(out.join('\\n'));
`;

describe('the loss module under plain Node type stripping', () => {
  it('loads and runs every loss', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(
      r.stderr.replace(/.*ExperimentalWarning.*\n?/g, '').replace(/\(Use `node --trace-warnings.*\n?/g, ''),
    ).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('tensor(0.4603, grad_fn=<AddBackward0>)'); // PyTorch 1.13's value
    expect(r.stdout.split('\n').length).toBeGreaterThanOrEqual(5);
  });
});
