/** Byte progress bar on stderr, only when stderr is a TTY (a no-op otherwise). */
import { SingleBar } from 'cli-progress';

export interface ByteProgress {
  /** Total bytes done so far, out of `total`. */
  update(done: number, detail?: string): void;
  stop(): void;
}

const MB = 1024 * 1024;

export function byteProgress(label: string, total: number): ByteProgress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} |{bar}| {percentage}% {doneMb}/{totalMb} MB {detail}`,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  const totalMb = (total / MB).toFixed(1);
  bar.start(Math.max(total, 1), 0, { doneMb: '0.0', totalMb, detail: '' });
  return {
    update(done, detail = '') {
      const v = Math.min(done, total);
      bar.update(v, { doneMb: (v / MB).toFixed(1), totalMb, detail });
    },
    stop() {
      bar.stop();
    },
  };
}
