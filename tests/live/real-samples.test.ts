/** The live path over real registry records: ../shared v2 samples served by the mock, read by the client. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { V2_SAMPLES, describeShared } from '../helpers/shared.js';
import { FAST, collect } from './helpers.js';
import { startMockCtgov, type MockCtgov } from './mock-ctgov.js';

let mock: MockCtgov | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

function nctId(raw: unknown): string {
  return (raw as { protocolSection: { identificationModule: { nctId: string } } }).protocolSection.identificationModule.nctId;
}

describeShared('live client over the real v2 samples', () => {
  it('pages through every distinct sample study and maps each one', async () => {
    const byId = new Map<string, unknown>();
    for (const f of readdirSync(V2_SAMPLES).filter((n) => n.endsWith('.json')).sort()) {
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
});
