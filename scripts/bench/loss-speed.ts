/**
 * Cross-entropy speed and memory: our fused crossEntropy against @tensorflow/tfjs (CPU
 * backend) on the same data, in one process.
 *
 *   npx node scripts/bench/loss-speed.ts        (or: npm run bench)
 *
 * Data: logits (4, 21, 256, 256) float32 — a batch of 4 PASCAL-VOC-sized segmentation maps,
 * 21 classes — from a seeded normal generator, and int64 class-index targets. tfjs gets the
 * same logits channel-last (4, 256, 256, 21) with one-hot labels, and computes
 * tf.losses.softmaxCrossEntropy (mean over the 262144 positions, like ours); forward+backward
 * is tf.grad of it. Each timing is the median of several runs after warm-up, with a GC
 * before each run (the script re-runs itself with --expose-gc if needed).
 *
 * Extra memory is what one call allocates beyond its inputs, as a multiple of the logits'
 * bytes: typed-array bytes counted by wrapping the typed-array constructors during one call,
 * and, as a cross-check, the growth of process.memoryUsage().arrayBuffers over the call.
 * Forward+backward includes the gradient itself (1.0x).
 *
 * Prints figures only; nothing here passes or fails on timing.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Tensor, crossEntropy } from '../../src/loss/index.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
const collect = gc as () => void;

const N = 4;
const C = 21;
const H = 256;
const W = 256;
const S = H * W;
const TARGET_FWD_MS = 40;
const TARGET_FWD_BWD_MS = 130;
const TARGET_MEMORY = 2;

// ---------------------------------------------------------------------------
// Data (seeded)

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(2024);
const logits = new Float32Array(N * C * S);
for (let i = 0; i < logits.length; i += 2) {
  // Box-Muller: two standard normals from two uniforms.
  const r = Math.sqrt(-2 * Math.log(1 - rand()));
  const phi = 2 * Math.PI * rand();
  logits[i] = r * Math.cos(phi);
  if (i + 1 < logits.length) logits[i + 1] = r * Math.sin(phi);
}
const targets = new Float64Array(N * S);
for (let i = 0; i < targets.length; i++) targets[i] = Math.floor(rand() * C);
const inputBytes = logits.byteLength;

// ---------------------------------------------------------------------------
// Timing helpers

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function timeRuns(fn: () => void, warmup: number, runs: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Bytes of typed arrays constructed while `fn` runs (constructors wrapped for the call). */
async function countTypedArrayBytes(
  fn: () => unknown,
): Promise<{ counted: number; arrayBuffersDelta: number }> {
  const g = globalThis as unknown as Record<string, unknown>;
  const names = ['Float32Array', 'Float64Array', 'Int32Array', 'Uint8Array', 'Uint32Array'] as const;
  const originals = names.map((n) => g[n]);
  let counted = 0;
  names.forEach((n, k) => {
    const Base = originals[k] as typeof Float64Array;
    g[n] = class extends Base {
      constructor(...args: unknown[]) {
        super(...(args as [number]));
        // Views on an existing buffer allocate nothing.
        if (!(args[0] instanceof ArrayBuffer)) counted += this.byteLength;
      }
    };
  });
  // Let earlier garbage be collected and swept (sweeping runs on another thread) first.
  collect();
  await new Promise((resolve) => setTimeout(resolve, 100));
  collect();
  const before = process.memoryUsage().arrayBuffers;
  let keep: unknown;
  try {
    keep = fn();
  } finally {
    names.forEach((n, k) => (g[n] = originals[k]));
  }
  const arrayBuffersDelta = process.memoryUsage().arrayBuffers - before;
  void keep;
  return { counted, arrayBuffersDelta };
}

// ---------------------------------------------------------------------------
// Ours

const target = new Tensor(targets, [N, H, W], 'int64');
const x = new Tensor(logits, [N, C, H, W], 'float32');
const xg = new Tensor(logits, [N, C, H, W], 'float32', { requiresGrad: true });

const oursLoss = crossEntropy(x, target).item();
const oursFwd = timeRuns(() => void crossEntropy(x, target), 3, 11);
const oursFwdBwd = timeRuns(
  () => {
    xg.grad = null;
    crossEntropy(xg, target).backward();
  },
  2,
  9,
);

xg.grad = null; // so that freeing the last run's gradient does not offset what we count
const memFwd = await countTypedArrayBytes(() => crossEntropy(x, target));
const memFwdBwd = await countTypedArrayBytes(() => {
  crossEntropy(xg, target).backward();
  return xg.grad;
});

// ---------------------------------------------------------------------------
// tfjs, CPU backend

const tf = await import('@tensorflow/tfjs');
await tf.setBackend('cpu');
await tf.ready();

const nhwc = new Float32Array(N * S * C);
const oneHot = new Float32Array(N * S * C);
for (let n = 0; n < N; n++) {
  for (let c = 0; c < C; c++) {
    for (let s = 0; s < S; s++) nhwc[(n * S + s) * C + c] = logits[(n * C + c) * S + s];
  }
  for (let s = 0; s < S; s++) oneHot[(n * S + s) * C + targets[n * S + s]] = 1;
}
const tfLogits = tf.tensor4d(nhwc, [N, H, W, C]);
const tfLabels = tf.tensor4d(oneHot, [N, H, W, C]);
const tfLossOf = (l: typeof tfLogits) => tf.losses.softmaxCrossEntropy(tfLabels, l);
const tfGrad = tf.grad((l) => tfLossOf(l as typeof tfLogits));

const tfLoss = tf.tidy(() => tfLossOf(tfLogits).dataSync()[0]);
const tfFwd = timeRuns(() => tf.tidy(() => void tfLossOf(tfLogits).dataSync()), 1, 3);
const tfFwdBwd = timeRuns(() => tf.tidy(() => void tfGrad(tfLogits).dataSync()), 1, 3);

// ---------------------------------------------------------------------------
// Report

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (v: number): string => v.toFixed(1).padStart(9);
const row = (name: string, ours: number, theirs: number, target: number): string =>
  `| ${name.padEnd(18)} | ${ms(ours)} | ${ms(theirs)} | ${(theirs / ours).toFixed(1).padStart(8)}x | ` +
  `${`<= ${target} ms`.padEnd(9)} | ${ours <= target ? 'met ' : 'MISS'} |`;

console.log(
  `crossEntropy on logits (${N}, ${C}, ${H}, ${W}) float32 (${mb(inputBytes)}) + int64 targets; ` +
    `Node ${process.version}, ${process.arch}`,
);
console.log(
  `${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}; load average ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')} ` + `(other processes on the machine slow every figure)`,
);
console.log(`loss: ours ${oursLoss.toFixed(6)}, tfjs ${tfLoss.toFixed(6)}\n`);
console.log('| median             | ours (ms) | tfjs (ms) | tfjs/ours | target    |      |');
console.log('|--------------------|-----------|-----------|-----------|-----------|------|');
console.log(row('forward', median(oursFwd), median(tfFwd), TARGET_FWD_MS));
console.log(row('forward + backward', median(oursFwdBwd), median(tfFwdBwd), TARGET_FWD_BWD_MS));
console.log('');
console.log(
  `ours, all runs (ms): forward ${oursFwd.map((v) => v.toFixed(0)).join(' ')}; ` +
    `forward+backward ${oursFwdBwd.map((v) => v.toFixed(0)).join(' ')}`,
);
console.log(
  `tfjs, all runs (ms): forward ${tfFwd.map((v) => v.toFixed(0)).join(' ')}; ` +
    `forward+backward ${tfFwdBwd.map((v) => v.toFixed(0)).join(' ')}`,
);
console.log('');
const times = (b: number): string => `${(b / inputBytes).toFixed(2)}x`;
console.log('| extra memory per call | typed arrays allocated | arrayBuffers growth | target |');
console.log('|-----------------------|------------------------|---------------------|--------|');
console.log(
  `| forward               | ${`${times(memFwd.counted)} (${mb(memFwd.counted)})`.padEnd(22)} | ` +
    `${`${times(memFwd.arrayBuffersDelta)} (${mb(memFwd.arrayBuffersDelta)})`.padEnd(19)} | <= ${TARGET_MEMORY}x  |`,
);
console.log(
  `| forward + backward    | ${`${times(memFwdBwd.counted)} (${mb(memFwdBwd.counted)})`.padEnd(22)} | ` +
    `${`${times(memFwdBwd.arrayBuffersDelta)} (${mb(memFwdBwd.arrayBuffersDelta)})`.padEnd(19)} | <= ${TARGET_MEMORY}x  |`,
);
console.log('(forward + backward includes the gradient itself: 1.00x)');
tfLogits.dispose();
tfLabels.dispose();

// PyTorch on one thread, on this machine now (when Debian's python3-torch is installed): the
// "within 4x of PyTorch" target is a ratio, and a ratio is only fair on the same machine.
const TARGET_VS_TORCH = 4;
const torchRun = spawnSync(
  '/usr/bin/python3',
  [fileURLToPath(new URL('torch_cross_entropy.py', import.meta.url))],
  {
    encoding: 'utf8',
  },
);
if (torchRun.status === 0) {
  const torch = JSON.parse(torchRun.stdout.trim().split('\n').pop()!) as {
    forward: number;
    forwardBackward: number;
  };
  const vs = (name: string, ours: number, theirs: number): string => {
    const ratio = ours / theirs;
    return `| ${name.padEnd(18)} | ${ms(ours)} | ${theirs.toFixed(1).padStart(12)} | ${`${ratio.toFixed(2)}x`.padStart(10)} | <= ${TARGET_VS_TORCH}x  | ${ratio <= TARGET_VS_TORCH ? 'met ' : 'MISS'} |`;
  };
  console.log('\nPyTorch 1.13, one CPU thread, same data shape, same machine (median of 11):');
  console.log('| median             | ours (ms) | pytorch (ms) | ours/torch | target |      |');
  console.log('|--------------------|-----------|--------------|------------|--------|------|');
  console.log(vs('forward', median(oursFwd), torch.forward));
  console.log(vs('forward + backward', median(oursFwdBwd), torch.forwardBackward));
} else {
  console.log(
    '\n(PyTorch not timed: /usr/bin/python3 with torch is not installed; apt-get install -y python3-torch)',
  );
}
