"""PyTorch 1.13 reproduction of the cells in content/binary-cross-entropy.mdx.

Run: /usr/bin/python3 scripts/pytorch/binary-cross-entropy.py
Each section's output is pasted verbatim into the chapter's ```output fence.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from _cells import cell

cell('log of a probability is never positive')
p = torch.tensor([0.01, 0.1, 0.5, 0.9, 0.99])
print(p.log())

cell('y = 1: loss is -log p')
print(p.log().neg())

cell('y = 0: loss is -log(1 - p)')
ones = torch.tensor([1, 1, 1, 1, 1], dtype=torch.float32)
print(ones.sub(p).log().neg())

cell('the formula by hand, over a batch')
probs = torch.tensor([0.9, 0.2, 0.3, 0.6])
labels = torch.tensor([1, 0, 1, 0], dtype=torch.float32)
one = torch.tensor([1, 1, 1, 1], dtype=torch.float32)
perSample = labels.mul(probs.log()).add(one.sub(labels).mul(one.sub(probs).log())).neg()
print(perSample)
print(perSample.mean())

cell('nn.BCELoss agrees')
bce = nn.BCELoss()
print(bce(probs, labels))
print(F.binary_cross_entropy(probs, labels, reduction='none'))

cell('from logits: sigmoid then BCELoss, or BCEWithLogitsLoss')
logits = torch.tensor([2.2, -1.4, -0.8, 0.4])
sigmoidOfLogits = one.div(one.add(logits.neg().exp()))
print(sigmoidOfLogits)
print(bce(sigmoidOfLogits, labels))
bceWithLogits = nn.BCEWithLogitsLoss()
print(bceWithLogits(logits, labels))

cell('confident mistakes: the sigmoid saturates')
wild = torch.tensor([20, -20, 40, -200], dtype=torch.float32)
squashed = one.div(one.add(wild.neg().exp()))
print(squashed)
print(one.sub(squashed).log())

cell('BCELoss clamps, BCEWithLogitsLoss stays exact')
wrongLabels = torch.tensor([0, 1, 0, 1], dtype=torch.float32)
print(F.binary_cross_entropy(squashed, wrongLabels, reduction='none'))
print(F.binary_cross_entropy_with_logits(wild, wrongLabels, reduction='none'))
