"""PyTorch 1.13 reproduction of the cells in content/pixelwise-cross-entropy.mdx.

Run: /usr/bin/python3 scripts/pytorch/pixelwise-cross-entropy.py
Each section's output is pasted verbatim into the chapter's ```output fence, except
the [throws] section: there our module words its own error message.
Python prints a shape as list(t.shape), which is how a cell prints `t.shape`.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from _cells import cell, show_error

cell('the logits: one score per class per pixel')
input = torch.tensor([[
    [[-0.2493, -0.9333], [0.0676, 1.2035]],
    [[0.2987, -0.6044], [-0.1341, 0.0938]],
    [[-1.3529, -0.2693], [-0.3259, -0.7915]],
]], requires_grad=True)
print(input)
print(list(input.shape))

cell('the target: one class index per pixel')
target = torch.tensor([[0, 1], [2, 0]]).unsqueeze(0)
print(target)
print(list(target.shape))

cell('CrossEntropyLoss in one call')
loss = nn.CrossEntropyLoss()
print(loss(input, target))

cell('step 1: softmax over the channel dimension')
softmaxOverClasses = nn.Softmax(dim=1)
probs = softmaxOverClasses(input)
print(probs)

cell('step 2: log')
logp = probs.log()
print(logp)

cell('step 3: NLLLoss')
nll = nn.NLLLoss()
print(nll(logp, target))

cell('what NLLLoss does: pick, negate, average')
picked = logp.gather(1, target.unsqueeze(1))
print(picked)
print(picked.neg().mean())

cell('the per-pixel loss map')
print(F.cross_entropy(input, target, reduction='none'))

cell('the one-hot reading gives the same number')
hot = F.one_hot(target, 3).permute(0, 3, 1, 2)
print(list(hot.shape))
print(hot.mul(logp).sum(1).neg().mean())

cell('the seed target shape')
seedTarget = target.unsqueeze(1)
print(list(seedTarget.shape))

cell('a (B, 1, H, W) target is an error', throws=True)
show_error(lambda: loss(input, seedTarget))

cell('the fix: squeeze the channel dimension away')
fixed = seedTarget.squeeze(1)
print(list(fixed.shape))
print(loss(input, fixed))
