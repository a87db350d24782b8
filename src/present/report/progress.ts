/** Progress bars for the CLI (cli-progress), drawn only when stderr is a TTY; otherwise every call is a no-op. */
import { SingleBar } from 'cli-progress';

export interface StageBar {
  start(total: number | null): void;
  update(value: number, total?: number | null): void;
  stop(): void;
}

/** One bar per stage, e.g. stageBar('classify'). */
export function stageBar(
  name: string,
  unit = 'items',
  stream: NodeJS.WriteStream = process.stderr,
): StageBar {
  if (!stream.isTTY) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream,
    format: `${name.padEnd(9)} |{bar}| {value}/{total} ${unit}`,
    hideCursor: true,
    clearOnComplete: false,
    fps: 10,
  });
  let started = false;
  return {
    start(total) {
      bar.start(total ?? 1, 0);
      started = true;
    },
    update(value, total) {
      if (!started) this.start(total ?? Math.max(value, 1));
      if (total !== undefined && total !== null) bar.setTotal(total);
      else if (value > bar.getTotal()) bar.setTotal(value);
      bar.update(value);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
