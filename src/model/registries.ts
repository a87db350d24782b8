/**
 * Clinical-trial registries and their registration numbers, from `rules/registries.json` (data, not code):
 * which registry a number belongs to, its canonical spelling, every number a free-text field names, and the
 * registry an ICTRP `Source_Register` name means.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MscopeError } from './errors.js';

const RegistrySchema = z.object({
  id: z.string().regex(/^[a-z]+$/),
  name: z.string(),
  ictrpNames: z.array(z.string()),
  pattern: z.string(),
  canonical: z.string(),
});
const FileSchema = z.object({ description: z.string(), registries: z.array(RegistrySchema).min(1) });

export interface Registry {
  id: string;
  name: string;
  ictrpNames: readonly string[];
  /** Case-insensitive, global; the named groups feed `canonical`. */
  pattern: RegExp;
  /** Alternative templates ('{g}' as matched, '{G}' upper-cased). */
  templates: readonly string[];
}

/** A registration number found in text. */
export interface RegistrationId {
  registry: string;
  id: string;
}

function rulesFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const f = join(dir, 'rules', 'registries.json');
    if (existsSync(f)) return f;
    dir = resolve(dir, '..');
  }
  throw new MscopeError(`rules/registries.json not found above ${fileURLToPath(import.meta.url)}`);
}

let cache: Registry[] | null = null;

/** The registries of rules/registries.json, in file order (the order ids are tried in). */
export function registries(): readonly Registry[] {
  if (cache) return cache;
  const file = rulesFile();
  let data;
  try {
    data = FileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new MscopeError(`${file}: invalid registries file: ${(e as Error).message}`, 1, { cause: e });
  }
  cache = data.registries.map((r) => {
    let pattern: RegExp;
    try {
      pattern = new RegExp(r.pattern, 'gi');
    } catch (e) {
      throw new MscopeError(`${file}: registry ${r.id}: bad pattern: ${(e as Error).message}`);
    }
    return { id: r.id, name: r.name, ictrpNames: r.ictrpNames, pattern, templates: r.canonical.split('|') };
  });
  return cache;
}

let any: RegExp | null = null;

/** Every registry's pattern in one alternation (named groups made plain: names repeat across registries). */
function anyPattern(): RegExp {
  any ??= new RegExp(
    registries()
      .map((r) => `(?:${r.pattern.source.replace(/\(\?<[A-Za-z]\w*>/g, '(?:')})`)
      .join('|'),
    'i',
  );
  return any;
}

export function registryById(id: string): Registry | undefined {
  return registries().find((r) => r.id === id);
}

/** The human name of a registry id ("anzctr" -> "Australian New Zealand Clinical Trials Registry"). */
export function registryName(id: string): string {
  return registryById(id)?.name ?? id;
}

function fill(templates: readonly string[], groups: Record<string, string | undefined>): string | null {
  for (const t of templates) {
    let ok = true;
    const out = t.replace(/\{(\w)\}/g, (_m, g: string) => {
      const v = groups[g.toLowerCase()];
      if (v === undefined) {
        ok = false;
        return '';
      }
      return g === g.toUpperCase() && g !== g.toLowerCase() ? v.toUpperCase() : v;
    });
    if (ok) return out;
  }
  return null;
}

/** Every registration number named in `text`, canonical and de-duplicated, in order of appearance. */
export function findRegistrationIds(text: string | null | undefined): RegistrationId[] {
  if (!text) return [];
  // one scan for "any registry's number here?" before each registry's own (most texts name none)
  anyPattern().lastIndex = 0;
  if (!anyPattern().test(text)) return [];
  const found: { at: number; end: number; registry: string; id: string }[] = [];
  for (const r of registries()) {
    r.pattern.lastIndex = 0;
    for (const m of text.matchAll(r.pattern)) {
      const id = fill(r.templates, m.groups ?? {});
      if (id !== null) found.push({ at: m.index, end: m.index + m[0].length, registry: r.id, id });
    }
  }
  // a span claimed by an earlier registry (e.g. JPRN-UMIN… by JPRN) is not read again as another's number
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const out: RegistrationId[] = [];
  const seen = new Set<string>();
  let claimedTo = -1;
  for (const f of found) {
    if (f.at < claimedTo) continue;
    claimedTo = f.end;
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    out.push({ registry: f.registry, id: f.id });
  }
  return out;
}

/** The registry and canonical form of a text that IS one registration number (surrounding blanks aside). */
export function parseRegistrationId(text: string): RegistrationId | null {
  const t = text.trim();
  for (const r of registries()) {
    r.pattern.lastIndex = 0;
    const m = r.pattern.exec(t);
    r.pattern.lastIndex = 0;
    if (!m) continue;
    const rest = (t.slice(0, m.index) + t.slice(m.index + m[0].length)).replace(/^(EUCTR|CTIS)/i, '');
    // ICTRP writes EUCTR numbers with a member-state suffix (EUCTR2020-001234-56-FR)
    if (rest.replace(/^-[A-Z]{2,3}$/i, '').trim() !== '') continue;
    const id = fill(r.templates, m.groups ?? {});
    if (id !== null) return { registry: r.id, id };
  }
  return null;
}

/** The registry id of an ICTRP `Source_Register` value ("EU Clinical Trials Register" -> "euctr"), else null. */
export function registryOfIctrpName(name: string | null): string | null {
  if (!name) return null;
  const n = name.trim().toLowerCase();
  for (const r of registries()) if (r.ictrpNames.some((x) => x.toLowerCase() === n)) return r.id;
  return null;
}
