/** The live path over real registry records: ../shared v2 samples served by the mock, read by the client. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { defaultQueryTerms } from '../../src/sources/live/query.js';
import { CLASSIC_NDJSON, GOLD_DEV, V2_SAMPLES, describeShared } from '../helpers/shared.js';
import { FAST, collect } from './helpers.js';
import { startMockCtgov, type MockCtgov } from './mock-ctgov.js';

let mock: MockCtgov | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

function nctId(raw: unknown): string {
  return (raw as { protocolSection: { identificationModule: { nctId: string } } }).protocolSection
    .identificationModule.nctId;
}

describeShared('live client over the real v2 samples', () => {
  it('pages through every distinct sample study and maps each one', async () => {
    const byId = new Map<string, unknown>();
    for (const f of readdirSync(V2_SAMPLES)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const json = JSON.parse(readFileSync(join(V2_SAMPLES, f), 'utf8')) as unknown;
      for (const s of Array.isArray(json) ? json : [json]) if (!byId.has(nctId(s))) byId.set(nctId(s), s);
    }
    expect(byId.size).toBeGreaterThan(100);
    mock = await startMockCtgov({ studies: [...byId.values()], ignoreQuery: true });
    const records = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 25 });
    expect(records.map((r) => r.study.nctId).sort()).toEqual([...byId.keys()].sort());
    for (const r of records) {
      expect(r.study.nctId).toBe(nctId(r.raw));
      expect(r.study.provenance.format).toBe('ctgov-v2-live');
    }
    expect(mock.studiesRequests()).toHaveLength(Math.ceil(byId.size / 25));
  });

  it('the default query finds every study the gold set includes (literal phrase match over classic text fields)', () => {
    // Essie also stems and searches more fields, so this literal check is a lower bound on what the API finds.
    const res = defaultQueryTerms().map(
      (t) =>
        new RegExp(`(^|[^a-z0-9])${t.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`),
    );
    const FIELDS = [
      'BriefTitle',
      'OfficialTitle',
      'BriefSummary',
      'DetailedDescription',
      'InterventionName',
      'InterventionDescription',
      'InterventionOtherName',
      'Keyword',
      'Condition',
      'ArmGroupDescription',
      'ArmGroupLabel',
      'Acronym',
    ];
    const text = new Map<string, string>();
    for (const line of readFileSync(CLASSIC_NDJSON, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const d = JSON.parse(line) as Record<string, string[]>;
      text.set(
        d.NCTId![0]!,
        FIELDS.flatMap((f) => d[f] ?? [])
          .join('\n')
          .toLowerCase(),
      );
    }
    const included = readFileSync(GOLD_DEV, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { nct: string; category: string })
      .filter((g) => ['msc_cells', 'msc_derived', 'stromal_mixture'].includes(g.category));
    expect(included.length).toBeGreaterThan(50);
    const missed = included
      .filter((g) => !res.some((re) => re.test(text.get(g.nct) ?? '')))
      .map((g) => g.nct);
    expect(missed).toEqual([]);
  });
});
