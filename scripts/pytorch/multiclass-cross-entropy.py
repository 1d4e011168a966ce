"""PyTorch 1.13 reproduction of the cells in content/multiclass-cross-entropy.mdx.

Run: /usr/bin/python3 scripts/pytorch/multiclass-cross-entropy.py
Each section's output is pasted verbatim into the chapter's ```output fence.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from _cells import cell

cell('softmax turns scores into probabilities')
logits = torch.tensor([
    [2.0, 0.5, -1.0],
    [0.1, 1.5, 0.3],
    [-0.5, 0.2, 2.2],
    [1.0, 1.2, 0.8],
], requires_grad=True)
target = torch.tensor([0, 1, 2, 0])
probs = F.softmax(logits, 1)
print(probs)

cell('log of the probabilities')
logp = probs.log()
print(logp)

cell('NLLLoss on log-probabilities equals CrossEntropyLoss on logits')
nll = nn.NLLLoss()
ce = nn.CrossEntropyLoss()
print(nll(logp, target))
print(ce(logits, target))

cell('one loss per sample, then the mean')
print(F.cross_entropy(logits, target, reduction='none'))

cell('logSoftmax: the same numbers in one fused step')
print(F.log_softmax(logits, 1))

cell('why fused: extreme logits')
extreme = torch.tensor([[1000, 0, -1000]], dtype=torch.float32)
print(F.softmax(extreme, 1).log())
print(F.log_softmax(extreme, 1))

cell('the target picks one log-probability per row')
picked = logp.gather(1, target.unsqueeze(1))
print(picked)
print(picked.neg().mean())

cell('the same numbers from a one-hot dot product')
hot = F.one_hot(target, 3)
print(hot)
print(hot.mul(logp).sum(1))
print(picked.squeeze(1))

cell('what one-hot targets would cost')
batch, tokens, classes = 32, 1024, 50257
oneHotBytes = batch * tokens * classes * 4
indexBytes = batch * tokens * 8
print(f"{oneHotBytes / 2 ** 30:.2f}", 'GiB of one-hot rows vs', f"{indexBytes / 2 ** 20:.2f}", 'MiB of indices')

cell('the gradient is softmax minus one-hot')
ce(logits, target).backward()
print(logits.grad)
print(probs.detach().sub(hot).div(4))
