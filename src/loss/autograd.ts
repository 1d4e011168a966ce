/**
 * Reverse-mode automatic differentiation over the graph of `GradFn` nodes.
 *
 * Every differentiable op that receives an input with `requiresGrad` returns a tensor
 * whose `gradFn` records its inputs and how to map the output's gradient to theirs.
 * `backward` visits the nodes in reverse topological order (micrograd's algorithm),
 * summing gradients where a tensor feeds several ops, and stores the totals in the
 * `.grad` of the leaves that require grad (and of non-leaves that called retainGrad()).
 *
 * See: https://pytorch.org/docs/1.13/autograd.html
 */
import { Tensor, allocStorage, numelOf, type GradFn } from './tensor.ts';
import { scalarTypeName } from './ops/dtype.ts';

/**
 * Back-propagate from `root`. Without `gradient`, `root` must hold one element
 * (PyTorch: "grad can be implicitly created only for scalar outputs").
 *
 * `gradient` is cast to `root`'s dtype first, as PyTorch does.
 *
 * Throws when `root` does not require grad, or is not a scalar and no gradient is given;
 * and, as PyTorch, on a second backward() through a node whose saved tensors the first one
 * freed (see SAVES_NOTHING below; there is no retain_graph), and when an in-place op (under
 * noGrad) changed a tensor that a node saved for backward: PyTorch's "one of the variables
 * needed for gradient computation has been modified by an inplace operation".
 *
 * NOTE: a node here counts as saving all its inputs and its output when it saves anything
 * (PyTorch's exp, for one, saves only its output): so changing the input of such an op
 * between forward and backward throws here where PyTorch would give the right gradient.
 */
export function backward(root: Tensor, gradient?: Tensor): void {
  if (!root.requiresGrad) {
    throw new Error('element 0 of tensors does not require grad and does not have a grad_fn');
  }
  let seed: Tensor;
  if (gradient === undefined) {
    if (root.numel() !== 1) {
      throw new Error(
        `grad can be implicitly created only for scalar outputs (got shape [${root.shape.join(', ')}])`,
      );
    }
    const one = allocStorage(root.dtype, 1);
    one[0] = 1;
    seed = new Tensor(one, root.shape, root.dtype);
  } else {
    if (gradient.shape.join(',') !== root.shape.join(',')) {
      throw new Error(
        `Mismatch in shape: grad_output[0] has a shape of [${gradient.shape.join(', ')}] and output[0] has a shape of [${root.shape.join(', ')}]`,
      );
    }
    // PyTorch casts the gradient to the output's dtype before using it (float64 or int64
    // for a float32 output gives the float32 gradient).
    seed = gradient;
    if (gradient.dtype !== root.dtype) {
      const cast = allocStorage(root.dtype, gradient.data.length);
      cast.set(gradient.data);
      seed = new Tensor(cast, root.shape, root.dtype);
    }
  }

  // Reverse topological order: each tensor after every tensor that consumes it.
  const order: Tensor[] = [];
  const seen = new Set<Tensor>();
  const visit = (t: Tensor): void => {
    if (seen.has(t)) return;
    seen.add(t);
    if (t.gradFn) for (const input of t.gradFn.inputs) if (input.requiresGrad) visit(input);
    order.push(t);
  };
  visit(root);
  for (let i = order.length - 1; i >= 0; i--) {
    // From the root down, so the node named is the first one PyTorch would fail at.
    const t = order[i];
    if (t.gradFn !== null && freed.has(t.gradFn) && savesTensors(t.gradFn)) {
      throw new Error(
        `Trying to backward through the graph a second time (or directly access saved tensors after they have ` +
          `already been freed): ${t.gradFn.name} of a tensor of shape [${t.shape.join(', ')}] gave up its saved ` +
          `tensors in the first backward(). Recompute the loss to backward again (the loss module has no retain_graph).`,
      );
    }
  }
  for (let i = order.length - 1; i >= 0; i--) checkVersions(order[i]);
  for (const t of order) if (t.gradFn !== null) freed.add(t.gradFn);

  const grads = new Map<Tensor, Tensor>([[root, seed]]);
  for (let i = order.length - 1; i >= 0; i--) {
    const t = order[i];
    const g = grads.get(t);
    if (g === undefined) continue;
    if (t.gradFn === null) {
      // A leaf: accumulate into .grad as PyTorch does across calls. The first gradient is
      // copied: `g` may be shared (AddBackward0 passes one tensor to both inputs, or it is the
      // caller's `gradient`), and .grad may later be changed in place (zero_, an optimizer).
      t.grad = t.grad === null ? new Tensor(g.data.slice(), g.shape, g.dtype) : addSameShape(t.grad, g);
      continue;
    }
    if (t.retainsGrad)
      t.grad = t.grad === null ? new Tensor(g.data.slice(), g.shape, g.dtype) : addSameShape(t.grad, g);
    const inputGrads = t.gradFn.backward(g);
    t.gradFn.inputs.forEach((input, k) => {
      const gi = inputGrads[k];
      if (gi === null || gi === undefined || !input.requiresGrad) return;
      const prev = grads.get(input);
      grads.set(input, prev === undefined ? gi : addSameShape(prev, gi));
    });
  }
}

/**
 * PyTorch 1.13's nodes that save no tensor for backward (sizes and scalars only): a graph
 * made of these alone may run backward() again, e.g. x.sum().backward() twice adds 2 to
 * x.grad. Every other node saves inputs or outputs and frees them in backward().
 */
const SAVES_NOTHING = new Set([
  'AddBackward0',
  'SubBackward0',
  'NegBackward0',
  'SumBackward0',
  'SumBackward1',
  'MeanBackward0',
  'PermuteBackward0',
  'ReshapeAliasBackward0',
  'ViewBackward0',
  'UnsafeViewBackward0',
  'SqueezeBackward0',
  'SqueezeBackward1',
  'UnsqueezeBackward0',
  'CloneBackward0',
  'ToCopyBackward0',
]);

function savesTensors(fn: GradFn): boolean {
  return fn.savesTensors ?? !SAVES_NOTHING.has(fn.name);
}

/** Nodes a backward() has run through: their saved tensors are gone, as in PyTorch. */
const freed = new WeakSet<GradFn>();

/** PyTorch's type name of a tensor in autograd messages: torch.FloatTensor [2, 3]. */
function typeName(t: Tensor): string {
  return `[torch.${scalarTypeName(t.dtype)}Tensor [${t.shape.join(', ')}]]`;
}

/** Throws PyTorch's error when `t`'s node saved a tensor that an in-place op changed since. */
function checkVersions(t: Tensor): void {
  const fn = t.gradFn;
  if (fn === null || !savesTensors(fn)) return;
  const hint =
    '. Hint: a tensor changed by an in-place op (sub_, add_, mul_, zero_, copy_) after it was used; ' +
    'run the in-place update after backward(), or recompute the forward pass.';
  if (t._version !== 0) {
    throw new Error(
      `one of the variables needed for gradient computation has been modified by an inplace operation: ` +
        `${typeName(t)}, which is output 0 of ${fn.name}, is at version ${t._version}; expected version 0 instead${hint}`,
    );
  }
  fn.inputs.forEach((input, k) => {
    if (input._version !== t.savedVersions[k]) {
      throw new Error(
        `one of the variables needed for gradient computation has been modified by an inplace operation: ` +
          `${typeName(input)} is at version ${input._version}; expected version ${t.savedVersions[k]} instead${hint}`,
      );
    }
  });
}

/** Elementwise a + b for two tensors of one shape (gradient accumulation). */
function addSameShape(a: Tensor, b: Tensor): Tensor {
  const out = allocStorage(a.dtype, numelOf(a.shape));
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] + b.data[i];
  return new Tensor(out, a.shape, a.dtype);
}
