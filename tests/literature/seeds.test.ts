/**
 * Acceptance on the real seed reviews (../shared/seeds) against a snapshot of the classic 2022 MSC corpus,
 * both through the built CLI. The expected trial ids are derived independently of the extractor: a plain
 * /NCT\d{8}/ over a whitespace-normalized copy of each text.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLASSIC_NDJSON, SEEDS, describeShared } from '../helpers/shared.js';

interface LinkOutput {
  snapshot: { id: number } | null;
  totals: { documents: number; trials: number; inSnapshot: number; notInSnapshot: number };
  documents: Array<{
    file: string;
    inSnapshot: string[];
    notInSnapshot: string[];
    trials: Array<{
      nctId: string;
      facts: Array<{
        kind: string;
        value: string;
        number: number | null;
        numbers: Array<{ kind: string; value: number }>;
      }>;
    }>;
  }>;
}

/** The simple, separate oracle: squeeze whitespace, glue "NCT" to its digits, take every NCT + 8 digits. */
function expectedIds(text: string): Set<string> {
  const normalized = text.replace(/\s+/g, ' ').replace(/NCT\s+(?=\d)/gi, 'NCT');
  return new Set([...normalized.matchAll(/NCT\d{8}/gi)].map((m) => m[0].toUpperCase()));
}

describeShared('mscope link on the seed reviews', () => {
  let dir: string;
  let db: string;
  let seedFiles: string[];
  let out: LinkOutput;
  let registryIds: Set<string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mscope-seeds-'));
    db = join(dir, 'seeds.duckdb');
    seedFiles = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(SEEDS, f));
    const ingest = await runCli(['--db', db, 'ingest', CLASSIC_NDJSON]);
    expect(ingest.stderr + ingest.stdout).not.toMatch(/unknown command/);
    expect(ingest.code).toBe(0);
    const r = await runCli(['--db', db, 'link', ...seedFiles, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    out = JSON.parse(r.stdout) as LinkOutput;
    // which ids the registry corpus holds, read straight from the NDJSON (classic study-fields: NCTId is an array)
    registryIds = new Set(
      readFileSync(CLASSIC_NDJSON, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .flatMap((l) => (JSON.parse(l) as { NCTId: string[] }).NCTId),
    );
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds exactly the distinct NCT ids of each seed text', () => {
    expect(out.documents).toHaveLength(seedFiles.length);
    for (const file of seedFiles) {
      const doc = out.documents.find((d) => d.file === file)!;
      const expected = expectedIds(readFileSync(file, 'utf8'));
      expect(expected.size).toBeGreaterThan(0);
      expect(new Set(doc.trials.map((t) => t.nctId))).toEqual(expected);
    }
  });

  it('links the ids present in the snapshot and lists the rest as not in it', () => {
    expect(out.snapshot).not.toBeNull();
    for (const doc of out.documents) {
      const ids = doc.trials.map((t) => t.nctId);
      expect(new Set(doc.inSnapshot)).toEqual(new Set(ids.filter((id) => registryIds.has(id))));
      expect(new Set(doc.notInSnapshot)).toEqual(new Set(ids.filter((id) => !registryIds.has(id))));
    }
    expect(out.totals.notInSnapshot).toBeGreaterThan(0);
    expect(out.totals.inSnapshot).toBeGreaterThan(0);
  });

  it('NCT04355728: enrollment 24 and the survival percentages 91% and 42%', () => {
    const facts = out.documents.flatMap((d) =>
      d.trials.filter((t) => t.nctId === 'NCT04355728').flatMap((t) => t.facts),
    );
    expect(facts.filter((f) => f.kind === 'enrollment').map((f) => f.number)).toContain(24);
    const survival = facts.filter((f) => f.kind === 'outcome' && f.value === 'survival');
    const percents = survival.flatMap((f) =>
      f.numbers.filter((n) => n.kind === 'percent').map((n) => n.value),
    );
    expect(percents).toEqual(expect.arrayContaining([91, 42]));
  });

  it('--study shows the review sentences naming the trial', async () => {
    const r = await runCli(['--db', db, 'link', '--study', 'NCT04355728']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mentioned in cord:/);
    expect(r.stdout).toMatch(/enrollment=24/);
  });
});
