/**
 * ctrdata-style check: registry values in the real corpus that the data tables do not map. Every condition
 * browse branch must be mapped to a specialty or listed as ignored in rules/specialty-mesh.json; and the
 * share of included studies without any source / route stays visible (printed) and bounded.
 */
import { beforeAll, expect, it } from 'vitest';
import { classify, loadRules } from '../../src/classify/index.js';
import type { Labels } from '../../src/model/labels.js';
import type { Study } from '../../src/model/study.js';
import { readStudies } from '../../src/sources/index.js';
import { CLASSIC_NDJSON, describeShared } from '../helpers/shared.js';

describeShared('unmapped registry values in the real corpus', () => {
  const studies: Study[] = [];
  let labels: Labels[] = [];
  beforeAll(async () => {
    for await (const r of readStudies(CLASSIC_NDJSON)) studies.push(r.study);
    labels = studies.map(classify);
  }, 120_000);

  it('every condition browse branch is mapped or explicitly ignored', () => {
    const table = loadRules().specialty;
    const known = new Set([...Object.keys(table.mesh), ...(table.ignore ?? [])].map((k) => k.toLowerCase()));
    const unmapped = new Map<string, number>();
    for (const s of studies)
      for (const b of s.conditionMesh.browseBranches)
        if (!known.has(b.name.toLowerCase())) unmapped.set(b.name, (unmapped.get(b.name) ?? 0) + 1);
    expect([...unmapped.entries()]).toEqual([]);
  });

  it('included studies mostly get a source and a route (unknowns listed)', () => {
    const included = labels.filter((l) => l.included);
    const noSource = included.filter((l) => l.sources.length === 0);
    const noRoute = included.filter((l) => l.routes.length === 0);
    console.log(`included ${included.length}: no source ${noSource.length}, no route ${noRoute.length}`);
    expect(noSource.length / included.length).toBeLessThan(0.3);
    expect(noRoute.length / included.length).toBeLessThan(0.35);
  });
});
