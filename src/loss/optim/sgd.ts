/**
 * optim.SGD: stochastic gradient descent with optional momentum, PyTorch's torch.optim.SGD.
 *
 *   const opt = optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 *   for (let step = 0; step < 200; step++) {
 *     opt.zeroGrad();
 *     const loss = crossEntropy(model(x), y);
 *     loss.backward();
 *     opt.step();
 *   }
 *
 * (`optim.SGD({ params, lr })` works too, and `new optim.SGD(...)`.)
 *
 * The update, PyTorch 1.13's (_single_tensor_sgd), for each parameter p with a gradient g,
 * without recording the graph:
 *   g ← -g if maximize;  g ← g + weightDecay·p
 *   with momentum μ: b ← g at the first step, else b ← μ·b + (1 - dampening)·g;
 *                    g ← g + μ·b with nesterov, else g ← b
 *   p ← p - lr·g
 * Parameters whose .grad is null are skipped (their momentum too). Each step is computed as
 * PyTorch's in-place kernels compute it (alpha in the dtype, one rounding per update), so a
 * few steps from the same weights give PyTorch's weights to float32 precision (the fixture
 * checks 20 steps of logistic regression).
 *
 * zeroGrad() is PyTorch 1.13's zero_grad(set_to_none=False): each .grad becomes zeros in
 * place; zeroGrad({ setToNone: true }) sets them to null (2.x's default).
 *
 * Throws, with PyTorch's messages: no lr ("parameter group didn't specify a value of required
 * optimization parameter lr"); a negative lr, momentum or weightDecay ("Invalid learning
 * rate: -1"); nesterov without momentum or with dampening; an empty parameter list; a
 * parameter that is not a leaf ("can't optimize a non-leaf Tensor") or not a Tensor.
 *
 * NOTE: one parameter group; no per-group options, state_dict or foreach/differentiable modes.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.optim.SGD.html
 */
import { Tensor } from '../tensor.ts';
import { noGrad } from '../grad-mode.ts';
import { zeroGrads } from '../parameter.ts';
import { checkOptions } from '../check.ts';
import { warnOnce } from '../warn.ts';

export interface SGDOptions {
  /** The tensors to optimize (when not given as the first argument). */
  params?: Iterable<Tensor>;
  /** The learning rate (required). */
  lr?: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
  maximize?: boolean;
}

export interface SGDOptimizer {
  readonly params: readonly Tensor[];
  lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
  readonly maximize: boolean;
  /** One update of every parameter that has a gradient. */
  step(): void;
  /** Zero the gradients (in place), or set them to null with setToNone. */
  zeroGrad(options?: { setToNone?: boolean }): void;
  /** PyTorch's repr: `SGD (\nParameter Group 0\n    dampening: 0 ...)`. */
  toString(): string;
}

const OPTIONS = ['params', 'lr', 'momentum', 'dampening', 'weightDecay', 'nesterov', 'maximize'];

/** Python's repr of an option value in the optimizer's repr. */
const py = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v));

export const SGD = function (
  paramsOrOptions: Iterable<Tensor> | SGDOptions,
  options: SGDOptions = {},
): SGDOptimizer {
  const asOptions =
    paramsOrOptions !== null &&
    typeof paramsOrOptions === 'object' &&
    !(Symbol.iterator in paramsOrOptions) &&
    !(paramsOrOptions instanceof Tensor);
  const opts: SGDOptions = asOptions ? (paramsOrOptions as SGDOptions) : { ...options };
  checkOptions(opts, OPTIONS, 'optim.SGD');
  const source = asOptions ? opts.params : (paramsOrOptions as Iterable<Tensor>);
  if (source instanceof Tensor) {
    throw new Error(
      'params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor',
    );
  }
  if (source === undefined || source === null || typeof source !== 'object') {
    throw new Error('optim.SGD needs the parameters to optimize: optim.SGD(model.parameters(), { lr: 0.1 })');
  }
  const params = [...source];
  if (params.length === 0) throw new Error('optimizer got an empty parameter list');
  for (const p of params) {
    if (!(p instanceof Tensor))
      throw new Error(`optimizer can only optimize Tensors, but one of the params is ${typeof p}`);
    if (!p.isLeaf) throw new Error("can't optimize a non-leaf Tensor");
  }
  if (new Set(params).size !== params.length) {
    warnOnce(
      'optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; ' +
        'see github.com/pytorch/pytorch/issues/40967 for more information',
    );
  }
  const { lr, momentum = 0, dampening = 0, weightDecay = 0, nesterov = false, maximize = false } = opts;
  if (lr === undefined)
    throw new Error("parameter group didn't specify a value of required optimization parameter lr");
  for (const [v, what] of [
    [lr, 'learning rate'],
    [momentum, 'momentum value'],
    [weightDecay, 'weight_decay value'],
  ] as const) {
    if (typeof v !== 'number' || !(v >= 0)) throw new Error(`Invalid ${what}: ${String(v)}`);
  }
  if (nesterov && (momentum <= 0 || dampening !== 0)) {
    throw new Error('Nesterov momentum requires a momentum and zero dampening');
  }
  const buffers = new Map<Tensor, Tensor>();
  const optimizer: SGDOptimizer = {
    params,
    lr,
    momentum,
    dampening,
    weightDecay,
    nesterov,
    maximize,
    step() {
      noGrad(() => {
        for (const p of params) {
          if (p.grad === null) continue;
          let d = maximize ? p.grad.neg() : p.grad;
          if (weightDecay !== 0) d = d.clone().add_(p, { alpha: weightDecay });
          if (momentum !== 0) {
            let buf = buffers.get(p);
            if (buf === undefined) {
              buf = d.clone();
              buffers.set(p, buf);
            } else {
              buf.mul_(momentum).add_(d, { alpha: 1 - dampening });
            }
            d = nesterov ? d.clone().add_(buf, { alpha: momentum }) : buf;
          }
          p.add_(d, { alpha: -optimizer.lr });
        }
      });
    },
    zeroGrad(o: { setToNone?: boolean } = {}) {
      zeroGrads(params, o.setToNone);
    },
    toString() {
      const rows: [string, string][] = [
        ['dampening', py(dampening)],
        ['differentiable', 'False'],
        ['foreach', 'None'],
        ['lr', py(optimizer.lr)],
        ['maximize', py(maximize)],
        ['momentum', py(momentum)],
        ['nesterov', py(nesterov)],
        ['weight_decay', py(weightDecay)],
      ];
      return `SGD (\nParameter Group 0\n${rows.map(([k, v]) => `    ${k}: ${v}`).join('\n')}\n)`;
    },
  };
  return optimizer;
} as unknown as {
  (params: Iterable<Tensor> | SGDOptions, options?: SGDOptions): SGDOptimizer;
  new (params: Iterable<Tensor> | SGDOptions, options?: SGDOptions): SGDOptimizer;
};

/** PyTorch's torch.optim, with SGD. */
export const optim = { SGD };
