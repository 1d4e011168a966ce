/**
 * noGrad: run code without recording the autograd graph, PyTorch's `with torch.no_grad():`.
 *
 *   noGrad(() => {
 *     w.sub_(w.grad!.mul(lr));   // an in-place update of a parameter
 *   });
 *
 * Inside, every op returns a tensor without grad_fn that does not require grad, whatever its
 * inputs (a tensor created with `requiresGrad: true` is still a leaf that requires grad, as in
 * PyTorch), and in-place ops may change leaves that require grad. Grad mode is restored when
 * `fn` returns or throws; calls may nest. Returns what `fn` returns.
 *
 * NOTE: `fn` must do its work synchronously: grad mode is back on when it returns, so the part
 * of an async function after its first `await` runs with grad mode on (Python's `with` block
 * has no such split).
 *
 * See: https://pytorch.org/docs/1.13/generated/torch.no_grad.html
 */
let enabled = true;

/** PyTorch's `torch.is_grad_enabled()`. */
export function isGradEnabled(): boolean {
  return enabled;
}

export function noGrad<T>(fn: () => T): T {
  if (typeof fn !== 'function') {
    throw new Error(
      `noGrad() takes a function to run without grad, e.g. noGrad(() => w.sub_(g)), got ${typeof fn}`,
    );
  }
  const previous = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}
