/** A scripted stand-in for a cell worker, for tests of the host side (no real worker). */
import type { Channel } from '../../src/cells/session.ts';
import type { HostMessage, WorkerMessage } from '../../src/cells/protocol.ts';

/** A fake worker: `script` answers a run request with messages (null: go silent). */
export function fakeChannel(
  script: (id: number) => (WorkerMessage | 'crash')[],
): Channel & { terminated: boolean } {
  let onMessage: (m: WorkerMessage) => void = () => {};
  let onCrash: (r: string) => void = () => {};
  const channel = {
    terminated: false,
    post(message: HostMessage) {
      if (message.type !== 'run') return;
      setTimeout(() => {
        for (const m of script(message.id)) {
          if (m === 'crash') onCrash('the cell runner crashed: boom');
          else onMessage(m);
        }
      }, 1);
    },
    listen(m: typeof onMessage, c: typeof onCrash) {
      onMessage = m;
      onCrash = c;
    },
    terminate() {
      channel.terminated = true;
    },
  };
  return channel;
}
