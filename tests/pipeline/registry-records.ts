/**
 * Hand-written API v2 study records for the whole-registry tests (a zip of one v2 JSON file per study, as
 * ClinicalTrials.gov's full download is): a few distinct studies written out here, and many more from the
 * generator of tests/cli/gen.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZipWriter } from '../../src/bench/zip-writer.js';
import { genNct, v2Record } from '../cli/gen.js';

type Obj = Record<string, unknown>;

function study(
  nctId: string,
  title: string,
  summary: string,
  interventions: Array<{ type: string; name: string; description?: string }>,
  extra: { conditions?: string[]; phases?: string[]; country?: string; posted?: string } = {},
): Obj {
  return {
    protocolSection: {
      identificationModule: { nctId, briefTitle: title },
      statusModule: {
        overallStatus: 'RECRUITING',
        startDateStruct: { date: '2021-03', type: 'ACTUAL' },
        studyFirstPostDateStruct: { date: extra.posted ?? '2021-02-10', type: 'ACTUAL' },
        lastUpdatePostDateStruct: { date: '2022-05-01', type: 'ACTUAL' },
      },
      sponsorCollaboratorsModule: { leadSponsor: { name: 'Example University Hospital', class: 'OTHER' } },
      descriptionModule: { briefSummary: summary },
      conditionsModule: { conditions: extra.conditions ?? ['Osteoarthritis, Knee'] },
      designModule: {
        studyType: 'INTERVENTIONAL',
        phases: extra.phases ?? ['PHASE1', 'PHASE2'],
        enrollmentInfo: { count: 40, type: 'ESTIMATED' },
      },
      armsInterventionsModule: { interventions },
      contactsLocationsModule: {
        locations: [{ facility: 'Site 1', city: 'Somewhere', country: extra.country ?? 'Spain' }],
      },
    },
    hasResults: false,
  };
}

/** Distinct studies written by hand: MSC products of several sources, an EV product, and unrelated trials. */
export const HAND_STUDIES: Obj[] = [
  study(
    'NCT09100001',
    'Umbilical Cord Mesenchymal Stromal Cells for Knee Osteoarthritis',
    'Allogeneic umbilical cord-derived mesenchymal stromal cells are injected into the knee joint of patients with osteoarthritis.',
    [
      {
        type: 'BIOLOGICAL',
        name: 'UC-MSC',
        description: '10 million allogeneic umbilical cord MSCs, intra-articular',
      },
    ],
  ),
  study(
    'NCT09100002',
    'Adipose-derived Stem Cells in COVID-19 Acute Respiratory Distress Syndrome',
    'Autologous adipose-derived mesenchymal stem cells given intravenously to patients with COVID-19 ARDS.',
    [{ type: 'BIOLOGICAL', name: 'AD-MSC', description: 'intravenous infusion of 1 million cells/kg' }],
    { conditions: ['COVID-19', 'ARDS'], phases: ['PHASE2'], country: 'China' },
  ),
  study(
    'NCT09100003',
    'Exosomes From Bone Marrow MSCs for Graft Versus Host Disease',
    'Extracellular vesicles secreted by bone marrow mesenchymal stromal cells are infused in steroid-refractory acute GvHD.',
    [{ type: 'BIOLOGICAL', name: 'MSC-derived exosomes' }],
    { conditions: ['Graft vs Host Disease'], country: 'United States' },
  ),
  study(
    'NCT09100004',
    'Metformin Versus Placebo in Type 2 Diabetes',
    'A randomized trial of metformin tablets compared with placebo on glycated haemoglobin.',
    [
      { type: 'DRUG', name: 'Metformin' },
      { type: 'DRUG', name: 'Placebo' },
    ],
    { conditions: ['Type 2 Diabetes'], phases: ['PHASE3'], country: 'Germany', posted: '2019-06-01' },
  ),
  study(
    'NCT09100005',
    'Hematopoietic Stem Cell Transplantation in Leukemia',
    'Allogeneic hematopoietic stem cell transplantation after myeloablative conditioning in acute myeloid leukemia.',
    [{ type: 'PROCEDURE', name: 'HSCT' }],
    { conditions: ['Acute Myeloid Leukemia'], phases: ['PHASE2'], country: 'France' },
  ),
];

/** `n` studies: the hand-written ones first, then generated ones (distinct NCT ids). */
export function registryStudies(n: number): Obj[] {
  const out = HAND_STUDIES.slice(0, n);
  for (let i = out.length; i < n; i++) out.push(v2Record(i, 20 + (i % 40)));
  return out;
}

export const nctOf = (s: Obj): string =>
  ((s.protocolSection as Obj).identificationModule as Obj).nctId as string;

/** The studies as separate files `<dir>/NCT….json` (the i-th pretty-printed when `pretty(i)`). */
export function writeStudyFiles(dir: string, studies: Obj[], pretty = (i: number) => i % 7 === 3): string {
  mkdirSync(dir, { recursive: true });
  studies.forEach((s, i) =>
    writeFileSync(join(dir, `${nctOf(s)}.json`), JSON.stringify(s, null, pretty(i) ? 2 : undefined)),
  );
  return dir;
}

/** The same files in one zip archive (as the full download: one v2 JSON file per study). */
export function writeStudyZip(
  path: string,
  studies: Obj[],
  opts: {
    pretty?: (i: number) => boolean;
    zip64?: boolean;
    level?: number;
    /** The member's text around its JSON (a byte order mark, spaces; default none). */
    frame?: (i: number, json: string) => string;
  } = {},
): string {
  const pretty = opts.pretty ?? ((i: number) => i % 7 === 3);
  const frame = opts.frame ?? ((_i: number, json: string) => json);
  const zip = new ZipWriter(path, opts.level ?? 6, opts.zip64 ?? false);
  studies.forEach((s, i) =>
    zip.add(`ctg-studies/${nctOf(s)}.json`, frame(i, JSON.stringify(s, null, pretty(i) ? 2 : undefined))),
  );
  zip.close();
  return path;
}

export { genNct };
