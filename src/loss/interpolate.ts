/**
 * interpolate: resize images or masks, PyTorch's `F.interpolate` for (N, C, H, W) input in
 * modes 'nearest' and 'bilinear'.
 *
 *   interpolate(x, { size: [64, 64], mode: 'bilinear' })
 *   interpolate(mask.float(), { scaleFactor: 2 })            // mode 'nearest' by default
 *
 * Why a label mask is resized with 'nearest': 'nearest' copies one input pixel into each
 * output pixel, so a mask of classes {0, 2} stays {0, 2}. 'bilinear' averages the four nearest
 * input pixels, so at a border between class 0 and class 2 it invents 1 (a class that was
 * never there) and values like 0.5 that are no class at all. Resize the image with 'bilinear'
 * and its mask with 'nearest' (then .long() for crossEntropy).
 *
 * Geometry (PyTorch 1.13's). The output size is `size` (a number for both dims or [H, W]), or
 * floor(input size · scaleFactor). Output pixel o reads input position
 * - 'nearest':  min(floor(o · s), in - 1) with s = 1 / scaleFactor when scaleFactor is given,
 *   else in / out;
 * - 'bilinear', alignCorners false (default): max((o + 0.5) · s - 0.5, 0), pixel centres
 *   aligned, the same s;  alignCorners true: o · (in - 1) / (out - 1), corner pixels aligned;
 *   the value is the weighted mean of the two neighbours along H and along W.
 * With `recomputeScaleFactor: true` s is in / out even when scaleFactor is given.
 *
 * Shape: input (N, C, H, W) -> (N, C, H_out, W_out).
 * Dtypes: float32 or float64 (the output keeps it). As in PyTorch 1.13, an int64 or bool mask
 * must be converted first: interpolate(mask.float(), ...).long().
 * Autograd: each output gradient goes back to the input pixels it was read from, with the
 * same weights (UpsampleNearest2DBackward1, UpsampleBilinear2DBackward1).
 * Throws, with PyTorch's messages: neither or both of size and scaleFactor; alignCorners with
 * 'nearest'; a size or scaleFactor of the wrong length; an output size below 1; bilinear on
 * non-4-d input; an integer or bool input ("compute_indices_weights_nearest" not implemented
 * for 'Long'); an unknown mode.
 *
 * float32 values and gradients follow PyTorch's CPU kernels step by step (source positions in
 * double, weights in float32, its fused multiply-adds): bit for bit with PyTorch on random
 * float32 input (values and gradients, both modes, many sizes and scales), except one case.
 * NOTE: for channels-last-contiguous input (a
 * one-channel mask is one) PyTorch 1.13 takes another bilinear kernel whose float32 sums we do
 * not reproduce, so about half its values differ in the last bit (at most 1 ulp; a mask's 1.
 * may be 0.99999994 there). float64 bilinear values may differ in the last bit too.
 * NOTE: 4-d input and modes 'nearest' and 'bilinear' only: PyTorch also resizes 3-d and 5-d
 * input and has 'linear', 'bicubic', 'trilinear', 'area', 'nearest-exact' and antialias.
 * NOTE: gradients flow through the input's values only (as in PyTorch: sizes are not
 * differentiable).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.nn.functional.interpolate.html
 */
import { Tensor, allocStorage, isFloating } from './tensor.ts';
import { checkOptions, requireTensor, torchTypeName } from './check.ts';
import { roundFor, type Round } from './torch-rounding.ts';
import { makeResult } from './ops/graph.ts';

export type InterpolateMode = 'nearest' | 'bilinear';

export interface InterpolateOptions {
  /** Output size: one number for H and W, or [H, W]. */
  size?: number | readonly number[];
  /** Multiplier of the input size: one number or [sH, sW]. */
  scaleFactor?: number | readonly number[];
  /** 'nearest' (default) or 'bilinear'. */
  mode?: InterpolateMode;
  /** Bilinear only: align the corner pixels instead of the pixel centres. Default false. */
  alignCorners?: boolean;
  /** Compute the scale from the sizes even when scaleFactor is given. Default false. */
  recomputeScaleFactor?: boolean;
}

const MODES = 'nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact';

/** PyTorch's `is_contiguous(memory_format=torch.channels_last)` of a 4-d layout. */
function channelsLastContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (const d of [1, 3, 2, 0]) {
    if (shape[d] === 1) continue;
    if (strides[d] !== expected) return false;
    expected *= shape[d];
  }
  return true;
}

/**
 * c10's is_channels_last_strides_2d: whether PyTorch lays the result out channels-last
 * (input.suggest_memory_format()), e.g. after x.permute(0, 3, 1, 2) of an (N, H, W, C) image.
 */
function stridesLikeChannelsLast(shape: readonly number[], strides: readonly number[]): boolean {
  let min = 0;
  if (strides[1] === 0) return false;
  for (const d of [1, 3, 2, 0]) {
    if (shape[d] === 0 || strides[d] < min) return false;
    if (d === 0 && min === strides[1]) return false;
    min = strides[d] * (shape[d] > 1 ? shape[d] : 1);
  }
  return true;
}

/** Two numbers from `v` (one number for both dims), checked against the 2 spatial dims. */
function pair(
  v: number | readonly number[],
  what: 'output size' | 'scale_factor',
  spatial: number[],
): number[] {
  const list = typeof v === 'number' ? [v, v] : [...v];
  if (list.length !== 2) {
    const tuple = `[${list.join(', ')}]`;
    const [kind, got, form] =
      what === 'output size'
        ? ['output', `output size of ${tuple}`, 'output size in (o1, o2, ...,oK)']
        : ['scale_factor', `scale_factor of shape ${tuple}`, 'scale_factor in (s1, s2, ...,sK)'];
    throw new Error(
      `Input and ${kind} must have the same number of spatial dimensions, but got input with spatial dimensions ` +
        `of [${spatial.join(', ')}] and ${got}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and ` +
        `${form} format.`,
    );
  }
  for (const n of list) {
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      throw new Error(`interpolate: ${what} must hold finite numbers, got [${list.join(', ')}]`);
    }
  }
  return list;
}

/** One dim's source positions: for each output index, two input indices and their weights. */
interface Taps {
  i0: Int32Array;
  i1: Int32Array;
  w0: Float64Array;
  w1: Float64Array;
}

function emptyTaps(n: number): Taps {
  return { i0: new Int32Array(n), i1: new Int32Array(n), w0: new Float64Array(n), w1: new Float64Array(n) };
}

/** PyTorch's nearest_idx (channels-last kernel and every backward): float scale, 1x and 2x exact. */
function nearestIdx(o: number, inSize: number, outSize: number, scale: number | undefined): number {
  if (outSize === inSize) return o;
  if (outSize === 2 * inSize) return o >> 1;
  const f = Math.fround;
  const s = scale !== undefined && scale > 0 ? f(1 / scale) : f(inSize / outSize);
  return Math.min(Math.floor(f(o * s)), inSize - 1);
}

function nearestTaps(
  inSize: number,
  outSize: number,
  scale: number | undefined,
  r: Round,
  generic: boolean,
): Taps {
  const t = emptyTaps(outSize);
  // The general kernel (HelperInterpNearest): scale and o · scale in the input's dtype.
  const s = scale !== undefined && scale > 0 ? r(1 / scale) : r(inSize / outSize);
  for (let o = 0; o < outSize; o++) {
    t.i0[o] = generic ? Math.min(Math.floor(r(s * o)), inSize - 1) : nearestIdx(o, inSize, outSize, scale);
    t.w0[o] = 1;
  }
  return t;
}

/**
 * compute_source_index_and_lambda over one dim: the scale and the weights in the dtype
 * (`rs`), the source positions in `r` (the dtype in the forward kernel; double, PyTorch's
 * acc_type of float, in the backward one).
 */
function linearTaps(
  inSize: number,
  outSize: number,
  scale: number | undefined,
  alignCorners: boolean,
  rs: Round,
  r: Round = rs,
): Taps {
  const t = emptyTaps(outSize);
  let s: number;
  if (alignCorners) s = outSize > 1 ? rs((inSize - 1) / (outSize - 1)) : 0;
  else s = scale !== undefined && scale > 0 ? rs(1 / scale) : rs(inSize / outSize);
  for (let o = 0; o < outSize; o++) {
    if (outSize === inSize) {
      t.i0[o] = o;
      t.i1[o] = o;
      t.w0[o] = 1;
      continue;
    }
    const real = alignCorners ? r(s * o) : Math.max(r(r(s * r(o + 0.5)) - 0.5), 0);
    const i0 = Math.min(Math.trunc(real), inSize - 1);
    t.i0[o] = i0;
    t.i1[o] = i0 + (i0 < inSize - 1 ? 1 : 0);
    t.w1[o] = Math.min(Math.max(rs(real - i0), 0), 1);
    t.w0[o] = rs(1 - t.w1[o]);
  }
  return t;
}

export function interpolate(input: Tensor, options: InterpolateOptions = {}): Tensor {
  checkOptions(
    options,
    ['size', 'scaleFactor', 'mode', 'alignCorners', 'recomputeScaleFactor'],
    'interpolate',
  );
  requireTensor(input, 'interpolate: input');
  const mode = options.mode ?? 'nearest';
  const nd = input.ndim;
  if (!['nearest', 'bilinear'].includes(mode) || nd < 3 || nd > 5) {
    throw new Error(
      `Input Error: Only 3D, 4D and 5D input Tensors supported (got ${nd}D) for the modes: ${MODES} (got ${mode})` +
        (['nearest', 'bilinear'].includes(mode)
          ? ''
          : "; the loss module has modes 'nearest' and 'bilinear'"),
    );
  }
  if (options.alignCorners !== undefined && mode === 'nearest') {
    throw new Error(
      'align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear',
    );
  }
  if (mode === 'bilinear' && nd !== 4) {
    throw new Error(`Got ${nd}D input, but bilinear mode needs 4D input`);
  }
  if (nd !== 4) {
    throw new Error(
      `interpolate: the loss module resizes 4-d (N, C, H, W) input only, got ${nd}-d input of shape [${input.shape.join(', ')}]`,
    );
  }
  const { size, scaleFactor } = options;
  if (size === undefined && scaleFactor === undefined)
    throw new Error('either size or scale_factor should be defined');
  if (size !== undefined && scaleFactor !== undefined) {
    throw new Error('only one of size or scale_factor should be defined');
  }
  const [N, C, H, W] = input.shape;
  const spatial = [H, W];
  let outSize: number[];
  let scales: (number | undefined)[] = [undefined, undefined];
  if (size !== undefined) {
    outSize = pair(size, 'output size', spatial);
    if (outSize.some((s) => !Number.isInteger(s))) {
      throw new Error(`interpolate: size must hold integers, got [${outSize.join(', ')}]`);
    }
  } else {
    const factors = pair(scaleFactor!, 'scale_factor', spatial);
    outSize = factors.map((f, k) => Math.floor(spatial[k] * f));
    if (!options.recomputeScaleFactor) scales = factors;
  }
  const [OH, OW] = outSize;
  if (H <= 0 || W <= 0 || OH <= 0 || OW <= 0) {
    throw new Error(
      `Input and output sizes should be greater than 0, but got input (H: ${H}, W: ${W}) output (H: ${OH}, W: ${OW})`,
    );
  }
  const channelsLast = channelsLastContiguous(input.shape, input.torchStrides);
  if (!isFloating(input.dtype)) {
    const kernel = channelsLast
      ? `upsample_${mode}2d_channels_last`
      : `compute_indices_weights_${mode === 'nearest' ? 'nearest' : 'linear'}`;
    throw new Error(
      `"${kernel}" not implemented for '${torchTypeName(input.dtype)}': interpolate needs a float input; ` +
        `resize a mask as interpolate(mask.float(), ...) and convert back with .long()`,
    );
  }
  const dtype = input.dtype;
  const r = roundFor(dtype);
  const f32 = Math.fround;
  const alignCorners = options.alignCorners ?? false;
  // Taps: nearest as the kernel PyTorch picks for this layout; bilinear positions in double
  // (PyTorch's acc_type of float) and weights in the dtype, for the forward and the backward.
  const id: Round = (v) => v;
  const tapsH =
    mode === 'nearest'
      ? nearestTaps(H, OH, scales[0], r, !channelsLast)
      : linearTaps(H, OH, scales[0], alignCorners, r, id);
  const tapsW =
    mode === 'nearest'
      ? nearestTaps(W, OW, scales[1], r, !channelsLast)
      : linearTaps(W, OW, scales[1], alignCorners, r, id);
  const x = input.data;
  const planes = N * C;
  const out = allocStorage(dtype, planes * OH * OW);
  for (let p = 0, k = 0; p < planes; p++) {
    const base = p * H * W;
    for (let oh = 0; oh < OH; oh++) {
      const r0 = base + tapsH.i0[oh] * W;
      const r1 = base + tapsH.i1[oh] * W;
      const h0 = tapsH.w0[oh];
      const h1 = tapsH.w1[oh];
      for (let ow = 0; ow < OW; ow++, k++) {
        const c0 = tapsW.i0[ow];
        if (mode === 'nearest') {
          out[k] = x[r0 + c0];
          continue;
        }
        const c1 = tapsW.i1[ow];
        const w0 = tapsW.w0[ow];
        const w1 = tapsW.w1[ow];
        // t = x0·w0 + x1·w1 along W, then t0·h0 + t1·h1 along H, each sum a fused
        // multiply-add of its first product onto the rounded second one (PyTorch's compiled
        // kernel; for float32 operands a product is exact in double, so r(a·b + c) is fmaf).
        const t0 = r(x[r0 + c0] * w0 + r(x[r0 + c1] * w1));
        const t1 = r(x[r1 + c0] * w0 + r(x[r1 + c1] * w1));
        out[k] = r(t0 * h0 + r(t1 * h1));
      }
    }
  }
  const name = mode === 'nearest' ? 'UpsampleNearest2DBackward1' : 'UpsampleBilinear2DBackward1';
  return makeResult(out, [N, C, OH, OW], dtype, {
    name,
    inputs: [input],
    strides: stridesLikeChannelsLast(input.shape, input.torchStrides)
      ? [C * OH * OW, 1, OW * C, C]
      : [C * OH * OW, OH * OW, OW, 1],
    backward: (g) => {
      // Each output gradient added to the pixels it was read from, in output order, rounded to
      // the dtype each time. PyTorch's backward kernels: nearest uses nearest_idx (float);
      // bilinear computes the source positions in double (acc_type of float), the weights in
      // the dtype. Checked bit for bit against PyTorch on 288 float32 resizes.
      const grad = allocStorage(g.dtype, x.length);
      const gr = roundFor(g.dtype);
      const bh = mode === 'nearest' ? nearestTaps(H, OH, scales[0], f32, false) : tapsH;
      const bw = mode === 'nearest' ? nearestTaps(W, OW, scales[1], f32, false) : tapsW;
      for (let p = 0, k = 0; p < planes; p++) {
        const base = p * H * W;
        for (let oh = 0; oh < OH; oh++) {
          const r0 = base + bh.i0[oh] * W;
          const r1 = base + bh.i1[oh] * W;
          for (let ow = 0; ow < OW; ow++, k++) {
            const v = g.data[k];
            if (mode === 'nearest') {
              grad[r0 + bw.i0[ow]] = gr(grad[r0 + bw.i0[ow]] + v);
              continue;
            }
            const [h0, h1, w0, w1] = [bh.w0[oh], bh.w1[oh], bw.w0[ow], bw.w1[ow]];
            // g_in += (h·w)·g_out: h·w in the dtype, then one fused multiply-add (the compiled
            // kernel's), so the product is not rounded on its own.
            grad[r0 + bw.i0[ow]] = gr(grad[r0 + bw.i0[ow]] + gr(h0 * w0) * v);
            grad[r0 + bw.i1[ow]] = gr(grad[r0 + bw.i1[ow]] + gr(h0 * w1) * v);
            grad[r1 + bw.i0[ow]] = gr(grad[r1 + bw.i0[ow]] + gr(h1 * w0) * v);
            grad[r1 + bw.i1[ow]] = gr(grad[r1 + bw.i1[ow]] + gr(h1 * w1) * v);
          }
        }
      }
      return [new Tensor(grad, input.shape, g.dtype)];
    },
  });
}
