/**
 * The loss module: a small tensor type and PyTorch's classification losses,
 * re-implemented in TypeScript with PyTorch's names (camelCased), semantics,
 * errors and printing. Pure TypeScript: no DOM or Node API, so the same code runs
 * in Node (tests, build), in the browser and in a Web Worker.
 *
 * Cells import it as `@loss`:  import { tensor, nn, crossEntropy } from '@loss';
 */
export { Tensor } from './tensor.ts';
export type { DType, GradFn, NestedNumbers } from './tensor.ts';
export { formatTensor } from './format.ts';
export { tensor } from './creation/tensor.ts';
export type { TensorData, TensorOptions } from './creation/tensor.ts';
export { zeros, ones, full } from './creation/fill.ts';
export { arange } from './creation/arange.ts';
export { randn, manualSeed } from './creation/randn.ts';
export type { RandnOptions } from './creation/randn.ts';
export { oneHot } from './creation/one-hot.ts';
export type { CreationOptions } from './creation/shape.ts';
export { MaxResult } from './ops/max.ts';
export { softmax } from './softmax.ts';
export { logSoftmax } from './log-softmax.ts';
export { nllLoss } from './nll-loss.ts';
export type { NllLossOptions } from './nll-loss.ts';
export { crossEntropy } from './cross-entropy.ts';
export type { CrossEntropyOptions } from './cross-entropy.ts';
export { binaryCrossEntropy } from './binary-cross-entropy.ts';
export type { BinaryCrossEntropyOptions } from './binary-cross-entropy.ts';
export { binaryCrossEntropyWithLogits } from './binary-cross-entropy-with-logits.ts';
export type { BinaryCrossEntropyWithLogitsOptions } from './binary-cross-entropy-with-logits.ts';
export type { Reduction } from './reduction.ts';
export { nn } from './nn.ts';
export type {
  LossModule,
  CrossEntropyLossModule,
  NLLLossModule,
  BCELossModule,
  BCEWithLogitsLossModule,
  KLDivLossModule,
  DimModule,
  ModuleFactory,
} from './nn.ts';
export { sigmoid } from './ops/sigmoid.ts';
export { where } from './ops/where.ts';
export { logsigmoid } from './logsigmoid.ts';
export { softplus } from './softplus.ts';
export type { SoftplusOptions } from './softplus.ts';
export type { ClampOptions } from './ops/clamp.ts';
export { noGrad, isGradEnabled } from './grad-mode.ts';
export { mseLoss } from './mse-loss.ts';
export type { MseLossOptions } from './mse-loss.ts';
export { klDiv } from './kl-div.ts';
export type { KlDivOptions, KlDivReduction } from './kl-div.ts';
export { interpolate } from './interpolate.ts';
export type { InterpolateOptions, InterpolateMode } from './interpolate.ts';
export { matmul } from './ops/matmul.ts';
export { linear } from './linear.ts';
export { Parameter } from './parameter.ts';
export type { LinearModule, LinearOptions } from './linear-module.ts';
export { optim } from './optim/sgd.ts';
export type { SGDOptions, SGDOptimizer } from './optim/sgd.ts';
