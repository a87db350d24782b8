/**
 * The report from slim rows (pipeline/compact.ts loadReportRows: what `mscope report` and `run` read when the labels
 * are stored, so a whole registry fits in memory) is byte-identical to the report from full studies: every text file
 * (report.json, report.md, report.html, figures, tables/*.csv, provenance), over filters, comparisons and reviewer
 * decisions; on the hand-made fixture and (with ../shared) on the 1,535-study corpus.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Filter } from '../../src/analyze/filter.js';
import type { ClassifiedStudy } from '../../src/analyze/types.js';
import { classifySnapshot } from '../../src/pipeline/classify.js';
import { loadReportRows, loadReportSnapshot } from '../../src/pipeline/compact.js';
import { ingestSnapshot } from '../../src/pipeline/ingest.js';
import { loadClassifiedRows, loadLatestLabelled } from '../../src/pipeline/load.js';
import { generateReport } from '../../src/present/report/write.js';
import { openStore, type NewDecision, type SnapshotInfo } from '../../src/store/index.js';
import { CLASSIC_NDJSON, HAS_SHARED, PUBLISHED_FIGURES } from '../helpers/shared.js';
import { createFixtureDb, nct } from '../server/fixture.js';

const DIR = mkdtempSync(join(tmpdir(), 'mscope-compact-report-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
let n = 0;

function textFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.endsWith('.xlsx')) out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

async function report(
  rows: ClassifiedStudy[],
  info: SnapshotInfo,
  version: string,
  filter: Filter,
  compare: boolean,
): Promise<Map<string, string>> {
  const outDir = join(DIR, `r${++n}`);
  await generateReport(rows, {
    outDir,
    snapshot: {
      id: info.id,
      label: info.label,
      createdAt: info.createdAt,
      sources: info.sources,
      studyCount: info.studyCount,
    },
    rulesetVersion: version,
    labelsFrom: 'stored',
    filter,
    generatedAt: '2026-12-06T00:00:00.000Z',
    ...(compare && HAS_SHARED
      ? { compare: ['jovic2022', 'zhou2021'], publishedFile: PUBLISHED_FIGURES }
      : {}),
  } as Parameters<typeof generateReport>[1]);
  return textFiles(outDir);
}

const FILTERS: Array<[Filter, boolean]> = [
  [{}, true],
  [{ included: true }, true],
  [{ included: true, covid19: true }, false],
  [{ country: ['China'] } as Filter, false],
];

const decision = (nctId: string, field: string, value: unknown): NewDecision =>
  ({
    nctId,
    field,
    value,
    note: null,
    reviewer: 'ana',
    decidedAt: '2026-12-01T10:00:00.000Z',
    classifierValue: null,
    rulesetVersion: 'test-1',
    snapshotId: 1,
  }) as NewDecision;

describe('report from slim rows = report from full studies', () => {
  it('fixture (stored labels with evidence), with and without reviewer decisions', async () => {
    const db = join(DIR, 'fixture.duckdb');
    await createFixtureDb(db);
    const store = await openStore(db);
    try {
      for (const withDecisions of [false, true]) {
        if (withDecisions)
          await store.addDecisions([
            decision(nct(1001), 'category', 'unrelated'),
            decision(nct(1003), 'covid19', true),
          ]);
        const full = await loadLatestLabelled(store, 'fixture');
        const slim = await loadReportRows(store, 'fixture', 'test-1');
        expect(slim).not.toBeNull();
        expect(slim!.rows.length).toBe(full.rows.length);
        for (const [filter, compare] of FILTERS) {
          const a = await report(full.rows, full.info, 'test-1', filter, compare);
          const b = await report(slim!.rows, slim!.info, 'test-1', filter, compare);
          expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
          for (const [name, text] of a) expect(b.get(name), name).toBe(text);
        }
      }
      // a snapshot without labels of that version is not read slim
      expect(await loadReportRows(store, 'small', 'test-1')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it.skipIf(!HAS_SHARED)(
    '1,535 registry studies, labels saved by classify',
    async () => {
      const db = join(DIR, 'shared.duckdb');
      const store = await openStore(db);
      try {
        const info = await ingestSnapshot(
          store,
          { files: [{ path: CLASSIC_NDJSON, size: statSync(CLASSIC_NDJSON).size }] },
          { worker: false },
        );
        await classifySnapshot(store, info.id, { save: true, labels: 'slim' });
        const full = await loadClassifiedRows(store, info.id);
        const slim = await loadReportSnapshot(store, info.id);
        expect(full.labelsFrom).toBe('stored');
        expect(slim.rows.length).toBe(1535);
        expect(slim.rows[0]!.study.briefSummary).toBeUndefined(); // slim: descriptions stay in the database
        for (const [filter, compare] of FILTERS) {
          const a = await report(full.rows, full.info, full.rulesetVersion, filter, compare);
          const b = await report(slim.rows, slim.info, slim.rulesetVersion, filter, compare);
          expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
          for (const [name, text] of a) expect(b.get(name), name).toBe(text);
        }
      } finally {
        await store.close();
      }
    },
    300_000,
  );
});
