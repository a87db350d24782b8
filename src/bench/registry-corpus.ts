/**
 * The registry-scale corpus: the shared studies (the 1,535 classic 2022 records written as v2 study objects, and
 * the v2 samples as they are) replicated with fresh NCT ids into a zip of one v2 JSON file per study, the shape of
 * ClinicalTrials.gov's full download. Generated at run time into a temporary folder, never committed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStudies } from '../sources/index.js';
import { CLASSIC_NDJSON, SHARED } from './corpus.js';
import { studyToV2 } from './v2-record.js';
import { ZipWriter } from './zip-writer.js';

export const V2_SAMPLES = join(SHARED, 'data', 'ctgov-v2-samples');

const TOKEN = '@@NCTID@@';

/** Fresh ids NCT70000000 + k: 8 digits, clear of real ids (below NCT10000000) and of the other bench corpora. */
export const registryNct = (k: number): string => `NCT${String(70_000_000 + k)}`;

type Obj = Record<string, unknown>;

/** A v2 study's JSON text split around its id: `parts[0] + id + parts[1]`. */
function template(v2: Obj): [string, string] {
  const ps = v2.protocolSection as Obj;
  const idm = ps.identificationModule as Obj;
  const copy: Obj = { ...v2, protocolSection: { ...ps, identificationModule: { ...idm, nctId: TOKEN } } };
  const text = JSON.stringify(copy);
  const at = text.indexOf(`"${TOKEN}"`);
  return [text.slice(0, at + 1), text.slice(at + 1 + TOKEN.length)];
}

/** The base studies: every shared v2 study object and every classic study written as v2, in a fixed order. */
export async function registryBase(): Promise<[string, string][]> {
  if (!existsSync(CLASSIC_NDJSON)) throw new Error(`benchmark needs ${CLASSIC_NDJSON} (the ../shared data)`);
  const out: [string, string][] = [];
  for await (const r of readStudies(CLASSIC_NDJSON)) out.push(template(studyToV2(r.study)));
  if (existsSync(V2_SAMPLES)) {
    for (const name of readdirSync(V2_SAMPLES).sort()) {
      if (!name.endsWith('.json')) continue;
      const v = JSON.parse(readFileSync(join(V2_SAMPLES, name), 'utf8')) as unknown;
      for (const s of Array.isArray(v) ? v : [v]) {
        const o = s as Obj;
        if (o && typeof o === 'object' && o.protocolSection) out.push(template(o));
      }
    }
  }
  return out;
}

export interface RegistryZip {
  path: string;
  studies: number;
  bytes: number;
  uncompressedBytes: number;
  seconds: number;
}

/** Write `studies` per-study v2 JSON files (NCTxxxxxxxx.json, fresh ids) into the zip `path`. */
export async function registryZip(
  path: string,
  studies: number,
  onProgress?: (done: number) => void,
): Promise<RegistryZip> {
  const t0 = performance.now();
  const base = await registryBase();
  const zip = new ZipWriter(path, 6);
  let raw = 0;
  for (let k = 0; k < studies; k++) {
    const [a, b] = base[k % base.length]!;
    const id = registryNct(k);
    const text = a + id + b;
    raw += Buffer.byteLength(text);
    zip.add(`${id}.json`, text);
    if (onProgress && k % 10_000 === 0) onProgress(k);
  }
  zip.close();
  return {
    path,
    studies,
    bytes: zip.bytes,
    uncompressedBytes: raw,
    seconds: (performance.now() - t0) / 1000,
  };
}
