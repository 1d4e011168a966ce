"""PyTorch's own time for the same job as loss-speed.ts: cross_entropy on logits
(4, 21, 256, 256) float32 with int64 targets, on one CPU thread, forward and forward plus
backward (median of 11 runs after 3 warm-ups). Run by loss-speed.ts when Debian's
python3-torch is installed (/usr/bin/python3), so the ratio to PyTorch is taken on the
same machine at the same moment; prints one JSON line {"forward": ms, "forwardBackward": ms}.
"""
import json
import torch, time, statistics
torch.set_num_threads(1)
g = torch.Generator().manual_seed(0)
x = torch.randn(4, 21, 256, 256, generator=g)
t = torch.randint(0, 21, (4, 256, 256), generator=g)
F = torch.nn.functional
def fwd():
    return F.cross_entropy(x, t)
def fb():
    xi = x.detach().requires_grad_(True)
    F.cross_entropy(xi, t).backward()
def median_ms(f):
    for _ in range(3):
        f()
    ts = []
    for _ in range(11):
        s = time.perf_counter()
        f()
        ts.append((time.perf_counter() - s) * 1000)
    return statistics.median(ts)

print(json.dumps({"forward": median_ms(fwd), "forwardBackward": median_ms(fb)}))
