/**
 * crossEntropy with class-probability ("soft") targets: a float target of the input's shape,
 * with optional class weights and label smoothing. Called by ./cross-entropy.ts, which
 * documents the public function; private to the loss module.
 */
import { Tensor, allocStorage, isFloating, type DType, type GradFn } from './tensor.ts';
import { applyReduction, reductionGrad, type Reduction } from './reduction.ts';
import { MIRROR_LIMIT, roundFor, softmaxStats } from './torch-rounding.ts';
import { promoteFloat, shapeStr, torchTypeName } from './check.ts';
import { checkClassWeight, type ClassLayout } from './class-target.ts';
import { logSumExpAlong } from './logsumexp.ts';
import { ClassLogProbs } from './class-log-probs.ts';
import type { CrossEntropyOptions } from './cross-entropy.ts';

/** Class-probability ("soft") targets of the input's shape. */
export function probabilityTargets(
  input: Tensor,
  target: Tensor,
  layout: ClassLayout,
  options: CrossEntropyOptions,
  reduction: Reduction,
  ls: number,
): Tensor {
  if (!isFloating(target.dtype)) {
    const indexShape = shapeStr(layout.targetShape);
    throw new Error(
      `Expected floating point type for target with class probabilities, got ${torchTypeName(target.dtype)}: the crossEntropy target ` +
        `has the input's shape ${shapeStr(input.shape)}, so it is read as class probabilities and must be ` +
        `float32 or float64; class indices need an int64 target of shape ${indexShape}`,
    );
  }
  if (options.ignoreIndex !== undefined && options.ignoreIndex !== -100) {
    throw new Error(
      `ignoreIndex is not supported for class-probability targets (a float target of the input's shape ` +
        `${shapeStr(input.shape)}), got ignoreIndex = ${String(options.ignoreIndex)}; ignoreIndex applies ` +
        `to int64 class-index targets only`,
    );
  }
  const weight = checkClassWeight(options.weight, layout.C, null, 'crossEntropy');
  let dtype: DType = promoteFloat(input.dtype, target.dtype);
  if (options.weight) dtype = promoteFloat(dtype, options.weight.dtype);
  const { N, C, S } = layout;
  const P = N * S;
  const x = input.data;
  const round = roundFor(input.dtype);
  const lp =
    x.length <= MIRROR_LIMIT
      ? new ClassLogProbs(x, round, softmaxStats(x, N, C, S, round), null)
      : new ClassLogProbs(x, round, null, logSumExpAlong(x, N, C, S));
  // The (smoothed) target p' = p·(1 - ε) + ε/C, once, for the forward and the backward.
  const keep = 1 - ls;
  const spread = ls / C;
  const pt = ls > 0 ? Float64Array.from(target.data, (v) => v * keep + spread) : target.data;
  // q_i = Σ_c logp_{i,c} · p'_{i,c} · w[c]; the loss is -q (PyTorch negates after summing).
  const q = new Float64Array(P);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const off = (n * C + c) * S;
      const wc = weight === null ? 1 : weight[c];
      for (let s = 0, i = n * S; s < S; s++, i++) {
        q[i] += lp.logp(off + s, i) * pt[off + s] * wc;
      }
    }
  }
  const empty = x.length === 0;
  const out = applyReduction(q, layout.targetShape, dtype, reduction, P);
  for (let k = 0; k < out.data.length; k++) out.data[k] = -out.data[k];
  if (empty && reduction === 'mean') out.data[0] = NaN;
  if (!input.requiresGrad) return new Tensor(out.data, out.shape, dtype);

  const gradFn: GradFn = {
    name: reduction === 'mean' && !empty ? 'DivBackward1' : 'NegBackward0',
    savesTensors: true, // log-softmax's output, under the fused node
    inputs: [input],
    backward(gradOutput: Tensor) {
      const { perElement, scalar } = reductionGrad(gradOutput, reduction, P);
      // d/dlogp_{i,c} = -u_i · p'_{i,c} · w[c]; through log-softmax
      // dx_c = dlogp_c - softmax_c · Σ_k dlogp_k = u_i · (softmax_c · T_i - p'_c · w[c]),
      // with T_i = Σ_k p'_{i,k} · w[k].
      const T = new Float64Array(P);
      for (let n = 0; n < N; n++) {
        for (let c = 0; c < C; c++) {
          const off = (n * C + c) * S;
          const wc = weight === null ? 1 : weight[c];
          for (let s = 0, i = n * S; s < S; s++, i++) {
            T[i] += pt[off + s] * wc;
          }
        }
      }
      const grad = allocStorage(input.dtype, x.length);
      for (let n = 0; n < N; n++) {
        for (let c = 0; c < C; c++) {
          const off = (n * C + c) * S;
          const wc = weight === null ? 1 : weight[c];
          for (let s = 0, i = n * S; s < S; s++, i++) {
            const u = perElement === null ? scalar : perElement[i];
            grad[off + s] = -u * pt[off + s] * wc - lp.prob(off + s, i) * (-u * T[i]);
          }
        }
      }
      return [new Tensor(grad, input.shape, input.dtype)];
    },
  };
  return new Tensor(out.data, out.shape, dtype, { gradFn });
}
