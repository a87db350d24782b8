/**
 * Issue 16 #4 and #5: bad values are never accepted silently. Each hand-written input below either fails with one
 * InputError naming the file, the record and the field, or is read unchanged. Deep nesting and zip inflation end in a
 * clear error too.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { misspeltV2Key, nearKey } from '../../src/sources/keys.js';
import { count } from '../../src/sources/map-util.js';
import { fileRows } from '../../src/store/index.js';
import { openStore } from '../../src/store/index.js';
import { classicRecord, readAll, tmpFile, zip } from '../sources/helpers.js';

function v2(
  over: (ps: Record<string, Record<string, unknown>>) => void = () => undefined,
): Record<string, unknown> {
  const ps: Record<string, Record<string, unknown>> = {
    identificationModule: {
      nctId: 'NCT09100001',
      briefTitle: 'Mesenchymal stem cells for knee osteoarthritis',
    },
    statusModule: { overallStatus: 'RECRUITING', lastUpdatePostDateStruct: { date: '2022-01-10' } },
    designModule: { studyType: 'INTERVENTIONAL', enrollmentInfo: { count: 30 } },
  };
  over(ps);
  return { protocolSection: ps };
}

/** The InputError reading `content`, or a failure when it was read without one. */
async function inputError(content: string | Uint8Array): Promise<InputError> {
  const file = tmpFile(content);
  try {
    await readAll(file);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.location.file).toContain(file);
    expect(e.message.split('\n')).toHaveLength(1);
    return e;
  }
  throw new Error('read without an error');
}

const PROV = {
  format: 'ctgov-v2-json',
  file: 'f.json',
  record: 1,
  fetchedAt: '2024-01-01T00:00:00Z',
  registryVersion: null,
} as const;

describe('enrollment counts', () => {
  it('refuses -5, -1, 0x10, 1e9, 0b101, +3 and 1.5 (JSON number or text), naming record and field', async () => {
    for (const bad of [-5, -1, '-5', '0x10', '1e9', 1e9, '0b101', '+3', 1.5, '12 participants']) {
      const e = await inputError(
        JSON.stringify(v2((ps) => (ps.designModule!.enrollmentInfo = { count: bad }))),
      );
      expect(e.location).toMatchObject({
        record: 1,
        field: 'protocolSection.designModule.enrollmentInfo.count',
      });
    }
    const e = await inputError(JSON.stringify(classicRecord({ EnrollmentCount: ['0x10'] })));
    expect(e.location.field).toBe('EnrollmentCount');
  });

  it('reads plain counts unchanged', () => {
    expect(count(PROV, 'f', 30)).toBe(30);
    expect(count(PROV, 'f', ' 30 ')).toBe(30);
    expect(count(PROV, 'f', '0')).toBe(0);
    expect(count(PROV, 'f', '')).toBeNull();
    expect(count(PROV, 'f', null)).toBeNull();
  });
});

describe('text, ids, dates', () => {
  it('a NUL byte or a lone surrogate in a title is an error naming the field', async () => {
    // (a well-formed pair beside a lone half: still an error)
    for (const title of ['MSC\u0000 trial', 'MSC \ud800 trial', 'MSC \udc00 trial', 'MSC \u{1F9EB}\udc00']) {
      const e = await inputError(JSON.stringify(v2((ps) => (ps.identificationModule!.briefTitle = title))));
      expect(e.location.field).toBe('briefTitle');
    }
    // a well-formed pair (an emoji) is fine
    const ok = await readAll(
      tmpFile(JSON.stringify(v2((ps) => (ps.identificationModule!.briefTitle = 'MSC \u{1F9EB}')))),
    );
    expect(ok[0]!.study.briefTitle).toBe('MSC \u{1F9EB}');
  });

  it('two NCT ids in one record is an error, not a dropped id', async () => {
    const e = await inputError(JSON.stringify(classicRecord({ NCTId: ['NCT09000010', 'NCT09000011'] })));
    expect(e.location.field).toBe('NCTId');
    expect(e.message).toMatch(/2 NCT ids/);
    for (const id of ['NCT09000010 NCT09000011', 'NCT09000010,NCT09000011']) {
      const f = await inputError(JSON.stringify(v2((ps) => (ps.identificationModule!.nctId = id))));
      expect(f.location.field).toBe('protocolSection.identificationModule.nctId');
    }
  });

  it('a last-update or first-posted date in the future is an error', async () => {
    const next = `${new Date().getUTCFullYear() + 2}-01-05`;
    const e = await inputError(
      JSON.stringify(v2((ps) => (ps.statusModule!.lastUpdatePostDateStruct = { date: next }))),
    );
    expect(e.location.field).toBe('lastUpdatePostedDate');
    expect(e.message).toMatch(/in the future/);
    const f = await inputError(
      JSON.stringify(classicRecord({ StudyFirstPostDate: [`January ${new Date().getUTCFullYear() + 1}`] })),
    );
    expect(f.location.field).toBe('firstPostedDate');
  });

  it('a misspelt key the reader uses is an error naming the key and what it meant', async () => {
    const e = await inputError(
      JSON.stringify(
        v2((ps) => {
          ps.identificationModule = { nctId: 'NCT09100001', briefTitel: 'MSC trial' };
        }),
      ),
    );
    expect(e.location.field).toBe('protocolSection.identificationModule.briefTitel');
    expect(e.message).toMatch(/did you mean "briefTitle"/);
    const f = await inputError(
      JSON.stringify(
        v2((ps) => {
          ps.designModule = { studyType: 'INTERVENTIONAL', enrolmentInfo: { count: 3 } };
        }),
      ),
    );
    expect(f.message).toMatch(/did you mean "enrollmentInfo"/);
    const { EnrollmentCount: _c, ...rest } = classicRecord();
    const g = await inputError(JSON.stringify({ ...rest, EnrolmentCount: ['20'] }));
    expect(g.location.field).toBe('EnrolmentCount');
    // website CSV exports: a header one typo away from a column the reader uses (and the file lacks)
    const h = await inputError(
      '"NCT Number","Title","Status","Conditons","Interventions"\n"NCT09100001","MSC trial","Recruiting","Knee OA","Biological: MSC"\n',
    );
    expect(h.location).toMatchObject({ line: 1, field: 'Conditons' });
    expect(h.message).toMatch(/unknown column: did you mean "Conditions"\?/);
    const v = await inputError(
      '"NCT Number","Study Title","Study Status","Brief Sumary"\n"NCT09100001","MSC trial","RECRUITING","MSCs are given"\n',
    );
    expect(v.message).toMatch(/did you mean "Brief Summary"/);
    expect(nearKey('sexx', 'sex')).toBe(false); // too short to guess
    expect(nearKey('conditons', 'conditions')).toBe(true);
    expect(nearKey('minimumAge', 'maximumAge')).toBe(false);
  });

  it('misspelt v2 keys: unknown keys that are no typo pass, a typo deep in a list is found with its path', () => {
    const ps = {
      identificationModule: { nctId: 'NCT09100001', someNewField: { alsoNew: [1, { deeper: true }] } },
      armsInterventionsModule: {
        interventions: [{ name: 'MSC', type: 'BIOLOGICAL' }, [{ nested: 'list in a list' }]],
      },
    };
    expect(misspeltV2Key(ps)).toBeNull();
    const typo = structuredClone(ps) as typeof ps & Record<string, unknown>;
    (typo.armsInterventionsModule.interventions[0] as Record<string, unknown>).otherNamez = ['x'];
    expect(misspeltV2Key(typo)).toEqual({
      path: 'protocolSection.armsInterventionsModule.interventions.0.otherNamez',
      meant: 'otherNames',
    });
    // thousands of levels: walked without recursion
    let deep: Record<string, unknown> = { facility: 'x' };
    for (let i = 0; i < 20_000; i++) deep = { locations: [deep] };
    expect(misspeltV2Key(deep)).toBeNull();
  });
});

describe('inputs without studies', () => {
  it('a header-only CSV, [] and an empty v2 page are errors, not 0-study snapshots', async () => {
    const header = 'Rank,NCT Number,Title,Status,Conditions,Interventions,URL\n';
    for (const content of [header, '[]', '{"studies":[],"totalCount":0}', '\n']) {
      const file = tmpFile(content);
      const db = await openStore(':memory:');
      try {
        await expect(db.createSnapshot({ sources: [file] }, fileRows([file]))).rejects.toThrow(
          /holds (a header without rows|no study records)|empty/,
        );
        expect(await db.listSnapshots()).toEqual([]);
      } finally {
        await db.close();
      }
    }
  });
});

describe('deep nesting and inflation', () => {
  it('a record nested 50,000 deep fails with an error naming the file and record', async () => {
    const deep = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    const text = `[${JSON.stringify(v2()).slice(0, -1)},"x":${deep}}]`;
    const file = tmpFile(text);
    const db = await openStore(':memory:');
    try {
      const err = await db.createSnapshot({ sources: [file] }, fileRows([file])).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toMatch(
        new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: record 1: .*nested too deeply`),
      );
    } finally {
      await db.close();
    }
  });

  it('a zip member that inflates more than 100 times past 64 MiB is refused before it is read', async () => {
    const blank = new Uint8Array(65 << 20).fill(0x0a);
    expect(deflateRawSync(blank).length).toBeLessThan(1 << 20);
    const e = await inputError(zip({ 'blank.json': blank }));
    expect(e.message).toMatch(/!blank\.json: inflates \d+ times .*zip bomb/);
  });
});
