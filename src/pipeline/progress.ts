/**
 * Progress of a pipeline step, reported through one callback type. The CLI draws bars or prints lines from
 * it, the server logs nothing, tests count events; the steps themselves never print.
 */
export type Stage = 'read' | 'ingest' | 'fetch' | 'classify' | 'load' | 'link';

export interface ProgressEvent {
  stage: Stage;
  /** Items done so far: studies (ingest/fetch/classify/load), bytes (read) or documents (link). */
  done: number;
  /** Total when known in advance, else null. */
  total: number | null;
  /** What is being worked on, when it says something (e.g. the file being read). */
  detail?: string;
}

export type OnProgress = (e: ProgressEvent) => void;

/** Calls `on` at most once per `every` items (and always for the last one, via `flush`). */
export function throttled(
  on: OnProgress | undefined,
  stage: Stage,
  total: number | null,
  every = 200,
): { tick(done: number): void; flush(done: number): void } {
  let last = -1;
  return {
    tick(done) {
      if (on && done - last >= every) {
        last = done;
        on({ stage, done, total });
      }
    },
    flush(done) {
      if (on && done !== last) {
        last = done;
        on({ stage, done, total });
      }
    },
  };
}
