/** `mscope classify` and `mscope eval` end to end on a hand-written API v2 fixture (built CLI). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULESET_VERSION, classify } from '../../src/classify/index.js';
import { loadDataset } from '../../src/present/server/dataset.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';

const v2 = (
  nct: string,
  title: string,
  intervention: { name: string; description: string },
  conditions: string[],
  eligibility = 'Adults',
) => ({
  protocolSection: {
    identificationModule: { nctId: nct, briefTitle: title },
    statusModule: {
      overallStatus: 'COMPLETED',
      lastUpdatePostDateStruct: { date: '2022-01-10', type: 'ACTUAL' },
    },
    conditionsModule: { conditions },
    designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE1'] },
    armsInterventionsModule: {
      armGroups: [
        { label: 'Treatment', type: 'EXPERIMENTAL', interventionNames: [`Biological: ${intervention.name}`] },
      ],
      interventions: [
        {
          type: 'BIOLOGICAL',
          name: intervention.name,
          description: intervention.description,
          armGroupLabels: ['Treatment'],
        },
      ],
    },
    eligibilityModule: { eligibilityCriteria: eligibility },
  },
  hasResults: false,
});

const gold = (nct: string, over: Record<string, unknown>) =>
  JSON.stringify({
    nct,
    category: 'msc_cells',
    sources: [],
    donor: 'unspecified',
    modifications: [],
    biomaterial: false,
    routes: [],
    covid19: false,
    specialty: 'other',
    note: 'fixture',
    ...over,
  });

describe('mscope classify / eval', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mscope-classify-'));
    db = join(dir, 'm.duckdb');
    const studies = [
      v2(
        'NCT90000001',
        'Umbilical Cord MSC for Knee Osteoarthritis',
        {
          name: 'UC-MSC',
          description: 'Allogeneic umbilical cord MSCs, single intra-articular injection of 1 x 10^7 cells',
        },
        ['Knee Osteoarthritis'],
      ),
      v2(
        'NCT90000002',
        'SVF for Knee Osteoarthritis',
        {
          name: 'Stromal vascular fraction',
          description: 'Autologous SVF isolated by enzymatic digestion without expansion, intra-articular',
        },
        ['Knee Osteoarthritis'],
      ),
      v2(
        'NCT90000003',
        'PRP for Tendinopathy',
        { name: 'Platelet-rich plasma', description: 'PRP injection' },
        ['Tendinopathy'],
        'Exclusion: prior mesenchymal stem cell therapy',
      ),
    ];
    writeFileSync(join(dir, 'in.ndjson'), studies.map((s) => JSON.stringify(s)).join('\n') + '\n');
    writeFileSync(
      join(dir, 'gold.jsonl'),
      [
        gold('NCT90000001', {
          sources: ['umbilical_cord'],
          donor: 'allogeneic',
          routes: ['intra_articular'],
          specialty: 'musculoskeletal',
        }),
        gold('NCT90000002', {
          category: 'stromal_mixture',
          sources: ['adipose'],
          donor: 'autologous',
          routes: ['intra_articular'],
          specialty: 'musculoskeletal',
        }),
        gold('NCT90000003', { category: 'unrelated', specialty: 'musculoskeletal' }),
        gold('NCT90000009', {}),
      ].join('\n') + '\n',
    );
    const ing = await runCli(['--db', db, 'ingest', join(dir, 'in.ndjson')]);
    expect(ing.code, ing.stderr).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('classify saves labels and prints the screening summary', async () => {
    const r = await runCli(['--db', db, 'classify', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      studies: number;
      rulesetVersion: string;
      screening: {
        identified: number;
        included: number;
        excludedByReason: Record<string, number>;
        includedByCategory: Record<string, number>;
      };
    };
    expect(out.studies).toBe(3);
    // The built CLI stamps the same classifier code hash the sources give (dist/classify/code-hash.json).
    expect(out.rulesetVersion).toBe(RULESET_VERSION);
    expect(out.screening).toMatchObject({ identified: 3, included: 2 });
    expect(out.screening.excludedByReason).toEqual({ 'exclude.mention_only_in_eligibility': 1 });
    expect(out.screening.includedByCategory).toEqual({ msc_cells: 1, stromal_mixture: 1 });
    const text = await runCli(['--db', db, 'classify']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/identified\s+3/);
  }, 60_000);

  it('eval scores the gold rows and lists gold ids missing from the snapshot', async () => {
    const r = await runCli(['--db', db, 'eval', '--gold', join(dir, 'gold.jsonl'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout) as {
      n: number;
      missing: string[];
      fields: Record<string, { score: number }>;
      labelSource: string;
    };
    expect(rep.n).toBe(3);
    expect(rep.missing).toEqual(['NCT90000009']);
    expect(rep.fields['category']?.score).toBe(1);
    expect(rep.fields['routes']?.score).toBe(1);
    const text = await runCli(['--db', db, 'eval', '--gold', join(dir, 'gold.jsonl')]);
    expect(text.stdout).toContain('1 gold NCT ids not in the snapshot: NCT90000009');
    expect(text.stdout).toMatch(/category\s+accuracy\s+1\.000/);
  }, 60_000);

  it('bad gold input: clear error naming the file and line, exit 1', async () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"nct":"NCT90000001","category":"cells"}\n');
    const r = await runCli(['--db', db, 'eval', '--gold', join(dir, 'bad.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.jsonl: record 1 \(line 1\), field "category"/);
    const missing = await runCli(['--db', db, 'eval', '--gold', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl: cannot read gold file/);
    const usage = await runCli(['--db', db, 'eval']);
    expect(usage.code).toBe(2);
  }, 60_000);

  it('studies and serve say so when the stored labels were made by another ruleset version', async () => {
    const db2 = join(dir, 'stale.duckdb');
    expect((await runCli(['--db', db2, 'ingest', join(dir, 'in.ndjson')])).code).toBe(0);
    let store = await openStore(db2);
    try {
      const studies = [];
      for await (const st of store.iterStudies(1)) studies.push(st);
      await store.saveLabels(
        1,
        '0.9.0+00000000',
        studies.map((st) => ({ ...classify(st), rulesetVersion: '0.9.0+00000000' })),
      );
    } finally {
      await store.close();
    }
    const stale = await runCli(['--db', db2, 'studies', '--fields', 'nctId,category']);
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.stderr.trim().split('\n')).toEqual([
      `mscope studies: warning: labels of snapshot 1 were made by ruleset 0.9.0+00000000, not the current ${RULESET_VERSION}: run \`mscope classify --snapshot 1\` to refresh them`,
    ]);
    store = await openStore(db2, { readOnly: true });
    try {
      const ds = await loadDataset(store);
      expect(ds.rulesetVersion).toBe('0.9.0+00000000');
      expect(ds.labelsNote).toMatch(/made by ruleset 0\.9\.0\+00000000, not the current/);
    } finally {
      await store.close();
    }
    expect((await runCli(['--db', db2, 'classify'])).code).toBe(0);
    const fresh = await runCli(['--db', db2, 'studies', '--fields', 'nctId,category']);
    expect(fresh.stderr).toBe('');
    store = await openStore(db2, { readOnly: true });
    try {
      const ds = await loadDataset(store);
      expect(ds.rulesetVersion).toBe(RULESET_VERSION);
      expect(ds.labelsNote).toBeUndefined();
    } finally {
      await store.close();
    }
  }, 60_000);
});
