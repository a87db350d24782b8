/**
 * Resume support for the live fetch. After every fully received page the client appends that page's raw
 * studies to a spool file (`<state>.spool.ndjson`, one `{prov, raw}` per line) and then atomically rewrites
 * the state file (tmp + rename) with the page token to continue from and the NCT ids received so far.
 * A re-run with the same state file first replays the spool (so one run's output is always the complete
 * set, exactly once) and then continues from the saved token. The state records how many spool bytes are
 * committed, so a crash between the two writes is repaired by truncating the spool's uncommitted tail.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { InputError, MscopeError } from '../../model/errors.js';
import { ProvenanceSchema, type Provenance } from '../../model/study.js';

export const FetchStateSchema = z.object({
  version: z.literal(1),
  baseUrl: z.string(),
  query: z.string(),
  since: z.string().nullable(),
  pageSize: z.number().int().positive(),
  /** The API's data version (`/version` dataTimestamp) when the fetch started, if known. */
  registryVersion: z.string().nullable(),
  /** totalCount the API reported on the first page (countTotal=true), null before / when absent. */
  totalCount: z.number().int().nonnegative().nullable(),
  /** Token of the next page to request; null before the first page and after the last. */
  nextPageToken: z.string().nullable(),
  pagesDone: z.number().int().nonnegative(),
  /** Unique studies received (= spool lines). */
  count: z.number().int().nonnegative(),
  /** Repeated NCT ids skipped so far. */
  duplicates: z.number().int().nonnegative(),
  /** Committed size of the spool file in bytes. */
  spoolBytes: z.number().int().nonnegative(),
  /** The last page has been received. */
  complete: z.boolean(),
  /** NCT ids received, in delivery order. */
  ids: z.array(z.string()),
  /** Every page token requested so far: a token seen again means the server's paging loops. */
  tokens: z.array(z.string()).default([]),
  /** Records that failed validation, kept with the reason (stored in the snapshot's quarantine table). */
  quarantine: z
    .array(
      z.object({ nctId: z.string().nullable(), reason: z.string(), source: z.string(), raw: z.unknown() }),
    )
    .default([]),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type FetchState = z.infer<typeof FetchStateSchema>;

export interface SpoolEntry {
  prov: Provenance;
  raw: unknown;
}

const SpoolLineSchema = z.object({ prov: ProvenanceSchema, raw: z.unknown() });

export function spoolPathFor(statePath: string): string {
  return `${statePath}.spool.ndjson`;
}

/** Reads a state file; null when it does not exist; InputError naming the file when it is unreadable. */
export async function loadFetchState(statePath: string): Promise<FetchState | null> {
  let text: string;
  try {
    text = await readFile(statePath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InputError({ file: statePath }, `cannot read fetch state: ${(err as Error).message}`, {
      cause: err,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      { file: statePath },
      `fetch state is not valid JSON (${(err as Error).message}); delete it to start over`,
    );
  }
  const parsed = FetchStateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      { file: statePath, field: issue?.path.join('.') || undefined },
      `not a mscope fetch state (${issue?.message ?? 'invalid'}); delete it to start over`,
    );
  }
  return parsed.data;
}

/** Writes the state atomically: a temporary file in the same folder, flushed, then renamed over. */
export async function saveFetchState(statePath: string, state: FetchState): Promise<void> {
  const tmp = `${statePath}.${process.pid}.tmp`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(`${JSON.stringify(state)}\n`, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, statePath);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new MscopeError(`${statePath}: cannot write fetch state: ${(err as Error).message}`, 1, {
      cause: err,
    });
  }
}

/** Appends entries to the spool and flushes; returns the new committed size in bytes. */
export async function appendSpool(statePath: string, entries: SpoolEntry[]): Promise<number> {
  const spool = spoolPathFor(statePath);
  try {
    const fh = await open(spool, 'a');
    try {
      if (entries.length > 0)
        await fh.writeFile(entries.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
      await fh.sync();
      return (await fh.stat()).size;
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw new MscopeError(`${spool}: cannot write fetch spool: ${(err as Error).message}`, 1, { cause: err });
  }
}

/**
 * Makes the spool match the state: truncates an uncommitted tail (crash between spool append and state
 * save); InputError when the spool is missing or shorter than the state says.
 */
export async function repairSpool(statePath: string, state: FetchState): Promise<void> {
  const spool = spoolPathFor(statePath);
  let size: number;
  try {
    size = (await stat(spool)).size;
  } catch {
    if (state.spoolBytes === 0) {
      await writeFile(spool, '');
      return;
    }
    throw new InputError(
      { file: spool },
      `spool file of fetch state ${statePath} is missing; delete the state to start over`,
    );
  }
  if (size < state.spoolBytes) {
    throw new InputError(
      { file: spool },
      `spool file is shorter (${size} bytes) than its state says (${state.spoolBytes}); delete the state to start over`,
    );
  }
  if (size > state.spoolBytes) await truncate(spool, state.spoolBytes);
}

/** Reads the committed spool entries in order; InputError naming the line when one is damaged. */
export async function* readSpool(statePath: string): AsyncGenerator<SpoolEntry> {
  const spool = spoolPathFor(statePath);
  const lines = createInterface({ input: createReadStream(spool, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      throw new InputError(
        { file: spool, record: n, line: n },
        `damaged spool line (${(err as Error).message}); delete the state to start over`,
      );
    }
    const parsed = SpoolLineSchema.safeParse(json);
    if (!parsed.success)
      throw new InputError(
        { file: spool, record: n, line: n },
        'damaged spool line; delete the state to start over',
      );
    yield { prov: parsed.data.prov, raw: parsed.data.raw };
  }
}

/** Removes a state file and its spool (after the records were stored for good, or to start over). */
export async function clearFetchState(statePath: string): Promise<void> {
  await rm(statePath, { force: true });
  await rm(spoolPathFor(statePath), { force: true });
}
