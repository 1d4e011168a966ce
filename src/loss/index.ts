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
