/**
 * The literature pattern tables (`rules/literature.json`), validated and compiled once into RegExps.
 * `{MACRO}` in a regex is replaced by the macro (a list becomes an alternation).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MscopeError } from '../../model/errors.js';

const PatternSchema = z.object({ regex: z.string(), flags: z.string().optional() });

export const FactKindSchema = z.enum(['enrollment', 'phase', 'design', 'outcome']);
export type FactKind = z.infer<typeof FactKindSchema>;

const FactRuleSchema = PatternSchema.extend({
  id: z.string(),
  kind: FactKindSchema,
  /** Fixed value of the fact (design/outcome words); otherwise the first capture group, normalized. */
  value: z.string().optional(),
  normalize: z.enum(['integer', 'phase']).optional(),
  /** Attach the quantities (percentages, p-values, counts) written near the match. */
  numbers: z.boolean().optional(),
});

export const LiteratureRulesSchema = z.object({
  version: z.string(),
  macros: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  sentences: z.object({ abbreviations: z.array(z.string()), paragraphBreak: z.string() }),
  context: z.object({ maxFollowingSentences: z.number().int().nonnegative(), citation: z.string() }),
  quantities: z.array(PatternSchema.extend({ kind: z.string() })),
  numberWindow: z.number().int().positive(),
  facts: z.array(FactRuleSchema),
  phaseNumerals: z.record(z.string(), z.string()),
});
export type LiteratureRulesFile = z.infer<typeof LiteratureRulesSchema>;

export interface CompiledFactRule {
  id: string;
  kind: FactKind;
  value: string | null;
  normalize: 'integer' | 'phase' | null;
  numbers: boolean;
  re: RegExp;
}

export interface LiteratureRules {
  version: string;
  abbreviations: Set<string>;
  paragraphBreak: RegExp;
  maxFollowingSentences: number;
  citation: RegExp;
  quantities: Array<{ kind: string; re: RegExp }>;
  numberWindow: number;
  facts: CompiledFactRule[];
  phaseNumerals: Record<string, string>;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileLiteratureRules(raw: unknown, where = 'literature rules'): LiteratureRules {
  const r = LiteratureRulesSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new MscopeError(`${where}: invalid at ${i.path.join('.')}: ${i.message}`);
  }
  const f = r.data;
  const expand = (src: string): string =>
    src.replace(/\{([A-Z_]+)\}/g, (m, name: string) => {
      const v = f.macros[name];
      if (v === undefined) throw new MscopeError(`${where}: unknown macro ${m} in /${src}/`);
      return Array.isArray(v) ? v.map(escapeRe).join('|') : v;
    });
  const compile = (p: { regex: string; flags?: string }, id: string): RegExp => {
    try {
      return new RegExp(expand(p.regex), 'g' + (p.flags ?? '').replace('g', ''));
    } catch (e) {
      throw new MscopeError(`${where}: rule ${id}: invalid regex: ${(e as Error).message}`);
    }
  };
  return {
    version: f.version,
    abbreviations: new Set(f.sentences.abbreviations.map((a) => a.toLowerCase())),
    paragraphBreak: compile({ regex: f.sentences.paragraphBreak }, 'sentences.paragraphBreak'),
    maxFollowingSentences: f.context.maxFollowingSentences,
    citation: compile({ regex: f.context.citation }, 'context.citation'),
    quantities: f.quantities.map((q) => ({ kind: q.kind, re: compile(q, `quantities.${q.kind}`) })),
    numberWindow: f.numberWindow,
    facts: f.facts.map((rule) => ({
      id: rule.id,
      kind: rule.kind,
      value: rule.value ?? null,
      normalize: rule.normalize ?? null,
      numbers: rule.numbers ?? false,
      re: compile(rule, rule.id),
    })),
    phaseNumerals: f.phaseNumerals,
  };
}

/** rules/literature.json of the package (the nearest ancestor of this module holding it). */
export function defaultLiteratureRulesFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'rules', 'literature.json');
    if (existsSync(file)) return file;
    dir = resolve(dir, '..');
  }
  throw new MscopeError(
    'literature rules not found: no rules/literature.json above ' + fileURLToPath(import.meta.url),
  );
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MscopeError(`${file}: cannot read rules file: ${(e as Error).message}`, 1, { cause: e });
  }
}

let cached: LiteratureRules | null = null;

export function loadLiteratureRules(file?: string): LiteratureRules {
  if (file) return compileLiteratureRules(readJson(file), file);
  if (!cached) {
    const f = defaultLiteratureRulesFile();
    cached = compileLiteratureRules(readJson(f), f);
  }
  return cached;
}
