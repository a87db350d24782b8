/**
 * The study endpoint names a trial's other registrations (issue 12): for a trial grouped across registries,
 * every registration with its registry, id and public link, how it was linked (explicit: a secondary id, with
 * ICTRP's bridging flag when set; probable: the score and its evidence) and which fields it supplies.
 * Fixture: tests/server/trials-fixture.ts (hand-written registrations).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/present/server/index.js';
import type { StudyDetail } from '../../src/present/web/api.js';
import { trialsDatabase } from './trials-fixture.js';

let dir: string;
let server: RunningServer;

const study = async (id: string): Promise<{ status: number; body: StudyDetail }> => {
  const res = await fetch(`${server.url}api/studies/${encodeURIComponent(id)}`);
  return { status: res.status, body: (await res.json()) as StudyDetail };
};

beforeAll(async () => {
  const made = await trialsDatabase();
  dir = made.dir;
  server = await startServer({ dbPath: made.db, port: 0 });
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/studies/:id of a trial registered in several registries', () => {
  it('lists every registration, its link, how it was linked and what it supplies', async () => {
    const { status, body } = await study('NCT09999931');
    expect(status).toBe(200);
    const t = body.trial!;
    expect(t.id).toBe('NCT09999931');
    expect(t.labelsFrom).toBe('NCT09999931');
    expect(t.registrations.map((r) => [r.registry, r.trialId, r.primary, r.labels])).toEqual([
      ['ctgov', 'NCT09999931', true, true],
      ['jprn', 'JPRN-jRCT2031200931', false, false],
      ['chictr', 'ChiCTR2100099931', false, false],
    ]);
    expect(t.registrations.map((r) => r.registryName)).toEqual([
      'ClinicalTrials.gov',
      'Japan Primary Registries Network',
      'Chinese Clinical Trial Registry',
    ]);
    expect(t.registrations.map((r) => r.url)).toEqual([
      'https://clinicaltrials.gov/study/NCT09999931',
      'https://trialsearch.who.int/Trial2.aspx?TrialID=JPRN-jRCT2031200931',
      'https://trialsearch.who.int/Trial2.aspx?TrialID=ChiCTR2100099931',
    ]);
    // ChiCTR registered first (8 January 2021): it supplies the trial's first-posted date, the rest is ClinicalTrials.gov's
    const [ctgov, jprn, chictr] = t.registrations;
    expect(chictr!.fields).toEqual(['firstPostedDate']);
    expect((body.study.firstPostedDate as { value: string }).value).toBe('2021-01-08');
    expect(ctgov!.fields).toContain('briefTitle');
    expect(ctgov!.fields).not.toContain('firstPostedDate');
    expect(jprn!.fields).toEqual([]);

    // JPRN: explicit, by its secondary id, with ICTRP's bridging flag
    const explicit = jprn!.links.find((l) => l.kind === 'explicit')!;
    expect(explicit).toEqual({
      a: 'JPRN-jRCT2031200931',
      b: 'NCT09999931',
      kind: 'explicit',
      score: 1,
      evidence: [
        'JPRN-jRCT2031200931 names NCT09999931 as a secondary id',
        'ICTRP flags JPRN-jRCT2031200931 as bridged to another registration (child)',
      ],
    });
    // ChiCTR names no other registration: probable, with a score and the evidence of every field compared
    expect(chictr!.links.length).toBeGreaterThan(0);
    expect(chictr!.links.every((l) => l.kind === 'probable')).toBe(true);
    const withCtgov = chictr!.links.find((l) => l.b === 'NCT09999931' || l.a === 'NCT09999931')!;
    expect(withCtgov.score).toBeGreaterThanOrEqual(0.62);
    expect(withCtgov.score).toBeLessThanOrEqual(1);
    expect(withCtgov.evidence.some((e) => e.startsWith('titles share'))).toBe(true);
    expect(withCtgov.evidence.some((e) => e.startsWith('sponsor names share'))).toBe(true);
    expect(withCtgov.evidence.some((e) => e.startsWith('enrollment 60 / 60'))).toBe(true);
    // every link of the trial is listed once, and each registration's links are among them
    for (const r of t.registrations) for (const l of r.links) expect(t.links).toContainEqual(l);
  });

  it('any registration id opens the same trial', async () => {
    for (const id of ['JPRN-jRCT2031200931', 'ChiCTR2100099931']) {
      const { status, body } = await study(id);
      expect(status).toBe(200);
      expect(body.study.nctId).toBe('NCT09999931');
      expect(body.trial!.registrations).toHaveLength(3);
    }
  });

  it('a trial of two registrations linked by a ClinicalTrials.gov secondary id; a single registration has none', async () => {
    const gvhd = (await study('NCT09999922')).body.trial!;
    expect(gvhd.registrations.map((r) => r.trialId)).toEqual(['NCT09999922', 'ChiCTR1900099922']);
    expect(gvhd.links).toEqual([
      expect.objectContaining({
        kind: 'explicit',
        evidence: ['NCT09999922 names ChiCTR1900099922 as a secondary id'],
      }),
    ]);
    const single = await study('NCT09999923');
    expect(single.status).toBe(200);
    expect(single.body.trial).toBeNull();
  });
});
