/**
 * Where cell workers live in the page. A worker serves one run, then goes: a timer, a
 * changed global or a late error that a run leaves behind must never reach the next
 * run (another cell's, or an exercise's). The next run's worker is started when a run
 * starts, so it has loaded its script by the time the reader clicks again. After a worker
 * crashed or was stopped by its time limit, its whole sandbox is replaced.
 *
 * In the built site the workers run inside a sandboxed iframe (`sandbox="allow-scripts"`,
 * opaque origin): a worker that allocates without bound can crash the renderer after it
 * is terminated, and keeping it in the iframe kept the page alive on this machine's
 * Chromium. After a run is stopped (time limit) or crashes, the whole iframe is
 * replaced. The iframe cannot load same-origin scripts, so the page fetches the worker's
 * script once and hands its text to each iframe, which starts workers from a blob.
 * In dev (Vite serves the worker as an ES module with imports) workers run directly.
 */
import workerUrl from './worker.ts?worker&url';
import { INTERRUPTED, type Channel } from './session.ts';
import type { HostMessage, WorkerMessage } from './protocol.ts';

/** Messages between the page and the sandbox iframe. */
type ToFrame =
  | { kind: 'source'; text: string }
  | { kind: 'spawn'; wid: number }
  | { kind: 'post'; wid: number; message: HostMessage }
  | { kind: 'kill'; wid: number };
type FromFrame =
  | { kind: 'hello' }
  | { kind: 'message'; wid: number; message: WorkerMessage }
  | { kind: 'crash'; wid: number; reason: string };

/** The iframe's whole document. It only relays messages between the page and its workers. */
const FRAME_HTML = `<!doctype html><meta charset="utf-8"><title>cell sandbox</title><script>
let url = null;
const workers = new Map();
addEventListener('message', (e) => {
  if (e.source !== parent) return;
  const m = e.data;
  if (m.kind === 'source') {
    url = URL.createObjectURL(new Blob([m.text], { type: 'text/javascript' }));
  } else if (m.kind === 'spawn') {
    const w = new Worker(url);
    workers.set(m.wid, w);
    w.onmessage = (ev) => parent.postMessage({ kind: 'message', wid: m.wid, message: ev.data }, '*');
    w.onerror = (ev) => {
      ev.preventDefault();
      parent.postMessage({ kind: 'crash', wid: m.wid, reason: ev.message || 'worker error' }, '*');
    };
  } else if (m.kind === 'post') {
    const w = workers.get(m.wid);
    if (w) w.postMessage(m.message);
  } else if (m.kind === 'kill') {
    const w = workers.get(m.wid);
    if (w) w.terminate();
    workers.delete(m.wid);
  }
});
parent.postMessage({ kind: 'hello' }, '*');
<\/script>`; // eslint-disable-line no-useless-escape -- keeps the string safe to inline in HTML

interface Listener {
  onMessage(message: WorkerMessage): void;
  onCrash(reason: string): void;
}

/** One sandbox iframe and the workers inside it. */
class Frame {
  readonly ready: Promise<void>;
  private readonly iframe: HTMLIFrameElement;
  private readonly listeners = new Map<number, Listener>();
  private readonly early = new Map<number, WorkerMessage[]>();
  private nextWid = 1;
  private readonly onWindowMessage: (e: MessageEvent) => void;

  constructor(source: Promise<string>) {
    this.iframe = document.createElement('iframe');
    this.iframe.setAttribute('sandbox', 'allow-scripts');
    this.iframe.setAttribute('aria-hidden', 'true');
    this.iframe.tabIndex = -1;
    this.iframe.title = 'Cell runner';
    this.iframe.className = 'cell-sandbox';
    this.iframe.srcdoc = FRAME_HTML;
    let hello: () => void;
    const helloReceived = new Promise<void>((resolve) => (hello = resolve));
    this.onWindowMessage = (e: MessageEvent) => {
      if (e.source !== this.iframe.contentWindow) return;
      const m = e.data as FromFrame;
      if (m.kind === 'hello') hello();
      else if (m.kind === 'message') {
        const l = this.listeners.get(m.wid);
        if (l) l.onMessage(m.message);
        else this.early.set(m.wid, [...(this.early.get(m.wid) ?? []), m.message]);
      } else if (m.kind === 'crash')
        this.listeners.get(m.wid)?.onCrash(`the cell runner crashed: ${m.reason}`);
    };
    window.addEventListener('message', this.onWindowMessage);
    document.body.append(this.iframe);
    this.ready = Promise.all([helloReceived, source]).then(([, text]) =>
      this.sendNow({ kind: 'source', text }),
    );
  }

  private sendNow(m: ToFrame): void {
    this.iframe.contentWindow?.postMessage(m, '*');
  }

  /** Send once the frame has its worker source (messages keep their order). */
  private send(m: ToFrame): void {
    this.ready.then(() => this.sendNow(m)).catch(() => {});
  }

  /** A new worker in this frame. `onStop` runs when the session terminates it. */
  spawn(onStop: () => void): { wid: number; channel: Channel } {
    const wid = this.nextWid++;
    this.send({ kind: 'spawn', wid });
    const channel: Channel = {
      post: (message) => this.send({ kind: 'post', wid, message }),
      listen: (onMessage, onCrash) => {
        this.listeners.set(wid, { onMessage, onCrash });
        for (const m of this.early.get(wid) ?? []) onMessage(m);
        this.early.delete(wid);
      },
      terminate: () => {
        this.kill(wid);
        onStop();
      },
    };
    return { wid, channel };
  }

  kill(wid: number): void {
    this.send({ kind: 'kill', wid });
    this.listeners.delete(wid);
    this.early.delete(wid);
  }

  /**
   * Remove the frame and its workers. A run still in flight on another worker of this
   * frame (two cells, or a cell and an exercise, run at once) is told at once, rather
   * than waiting for a reply that will never come until its own time limit.
   */
  destroy(): void {
    window.removeEventListener('message', this.onWindowMessage);
    this.iframe.remove();
    const stranded = [...this.listeners.values()];
    this.listeners.clear();
    this.early.clear();
    for (const l of stranded) l.onCrash(INTERRUPTED);
  }
}

/** A channel plus what to do with its worker once the run is over. */
export interface Lease {
  channel: Channel;
  /** Call after a run that finished normally: the worker is stopped (its sandbox stays). */
  release(): void;
  /** Call after a crash or failure: the worker and its whole sandbox are thrown away. */
  discard(): void;
}

export interface WorkerPool {
  /** A worker that has never run anything. */
  take(): Promise<Lease>;
  /** Start a worker now, so that the next take() does not wait for it. */
  warm(): void;
}

/** Workers in a sandboxed iframe (built site). */
export function iframePool(): WorkerPool {
  let source: Promise<string> | null = null;
  let frame: Frame | null = null;
  let idle: { channel: Channel; wid: number; frame: Frame } | null = null;
  const getSource = () =>
    (source ??= fetch(workerUrl).then((r) => {
      if (!r.ok) throw new Error(`cannot load the cell runner (${r.status})`);
      return r.text();
    }));
  const replaceFrame = (f: Frame) => {
    f.destroy();
    if (frame === f) {
      frame = null;
      idle = null;
    }
  };
  const spawn = (f: Frame) => {
    // When the session terminates this worker (time limit), replace the whole frame.
    const { wid, channel } = f.spawn(() => replaceFrame(f));
    return { channel, wid, frame: f };
  };
  const startIdle = () => {
    frame ??= new Frame(getSource());
    idle = spawn(frame);
  };
  return {
    warm() {
      if (!idle) startIdle();
    },
    async take() {
      frame ??= new Frame(getSource());
      const f = frame;
      try {
        await f.ready;
      } catch (e) {
        // Could not load the runner (offline?): start over on the next Run.
        replaceFrame(f);
        source = null;
        throw e;
      }
      const worker = idle && idle.frame === f ? idle : spawn(f);
      // Start the next run's worker now: it loads its script while this one runs.
      idle = spawn(f);
      return {
        channel: worker.channel,
        release() {
          worker.frame.kill(worker.wid);
        },
        discard() {
          replaceFrame(worker.frame);
        },
      };
    },
  };
}

/** Workers started directly by the page (dev server). */
export function directPool(): WorkerPool {
  const start = (): Channel => {
    const worker = new Worker(workerUrl, { type: 'module' });
    let handlers: { onMessage(m: WorkerMessage): void; onCrash(r: string): void } | null = null;
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => handlers?.onMessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      handlers?.onCrash(`the cell runner crashed: ${e.message || 'worker error'}`);
    };
    return {
      post: (message) => worker.postMessage(message),
      listen(onMessage, onCrash) {
        handlers = { onMessage, onCrash };
      },
      terminate: () => worker.terminate(),
    };
  };
  let idle: Channel | null = null;
  return {
    warm() {
      idle ??= start();
    },
    async take() {
      const channel = idle ?? start();
      idle = start();
      return {
        channel,
        release() {
          channel.terminate();
        },
        discard() {
          channel.terminate();
        },
      };
    },
  };
}

let shared: WorkerPool | null = null;

/**
 * The one pool of this page, shared by its cells and its exercises (one sandbox, not
 * two): workers in a sandbox iframe in the built site, direct workers in dev.
 */
export function pagePool(): WorkerPool {
  return (shared ??= import.meta.env.DEV ? directPool() : iframePool());
}
