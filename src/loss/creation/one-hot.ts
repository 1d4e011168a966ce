/**
 * oneHot: class indices as one-hot rows (torch.nn.functional.one_hot).
 *
 * Shape: target (*) -> (*, numClasses); e.g. (N,) -> (N, C).
 * Dtypes: target int64; the result is int64 (call `.float()` to mix it with logits).
 * numClasses: -1 (default) means max(target) + 1.
 * Throws: for a non-int64 target ("one_hot is only applicable to index tensor."), a
 * negative class, a class >= numClasses, or an empty target with numClasses -1.
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.one_hot.html
 */
import { Tensor } from '../tensor.ts';
import { checkNumel } from './shape.ts';

export function oneHot(target: Tensor, numClasses = -1): Tensor {
  if (!(target instanceof Tensor) || target.dtype !== 'int64') {
    throw new Error(
      `one_hot is only applicable to index tensor. (got dtype ${target instanceof Tensor ? target.dtype : typeof target})`,
    );
  }
  if (!Number.isInteger(numClasses) || numClasses < -1) {
    throw new Error(`one_hot(): numClasses must be a non-negative integer or -1, but got ${numClasses}`);
  }
  const n = target.numel();
  if (n === 0) {
    if (numClasses === -1) throw new Error('Can not infer total number of classes from empty tensor.');
    return new Tensor(new Float64Array(0), [...target.shape, numClasses], 'int64');
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of target.data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min < 0) throw new Error(`Class values must be non-negative. (got ${min})`);
  const classes = numClasses === -1 ? max + 1 : numClasses;
  if (max >= classes) {
    throw new Error(`Class values must be smaller than num_classes. (got ${max} with numClasses ${classes})`);
  }
  checkNumel('one_hot', [...target.shape, classes]);
  const out = new Float64Array(n * classes);
  for (let i = 0; i < n; i++) out[i * classes + target.data[i]] = 1;
  return new Tensor(out, [...target.shape, classes], 'int64');
}
