/**
 * Context cue sets (rules/contexts.json): the words the label families look for around vocabulary terms
 * (background sentences, contrast, harvest, mobilized MSCs, definitions, controls, organ words ...), each defined
 * once and used by name (`cueSet(<family>.<name>)` in a module constant). An unknown name fails at load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MscopeError } from '../model/errors.js';
import { defaultRulesDir } from './rules.js';

const CueSetSchema = z
  .object({
    /** "<family>.<name>", the name code uses. */
    name: z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/),
    /** What the set means to the decision that uses it. */
    use: z.string().min(1),
    /** Alternatives matched as whole words: \b(?:w1|w2|...)\b. */
    words: z.array(z.string().min(1)).min(1).optional(),
    /** A raw RegExp source (anchored or structured patterns). */
    pattern: z.string().min(1).optional(),
    flags: z
      .string()
      .regex(/^[gimsuy]*$/)
      .optional(),
  })
  .refine((s) => (s.words === undefined) !== (s.pattern === undefined), {
    message: 'exactly one of words / pattern',
  });
export type CueSet = z.infer<typeof CueSetSchema>;

const CueSetFileSchema = z.object({ description: z.string(), sets: z.array(CueSetSchema) });

export const CONTEXTS_FILE = 'contexts.json';

/** The RegExp source of a cue set. */
export const cueSource = (s: CueSet): string => (s.words ? `\\b(?:${s.words.join('|')})\\b` : s.pattern!);

/** Parse and compile a contexts file: name -> RegExp. Names must be unique; every pattern must compile. */
export function compileCueSets(file: string): Map<string, RegExp> {
  let parsed: z.infer<typeof CueSetFileSchema>;
  try {
    const r = CueSetFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!r.success) {
      const i = r.error.issues[0];
      throw new MscopeError(`${file}: invalid cue sets at ${i?.path.join('.') ?? ''}: ${i?.message ?? ''}`);
    }
    parsed = r.data;
  } catch (e) {
    if (e instanceof MscopeError) throw e;
    throw new MscopeError(`${file}: cannot read cue sets: ${(e as Error).message}`, 1, { cause: e });
  }
  const out = new Map<string, RegExp>();
  for (const s of parsed.sets) {
    if (out.has(s.name)) throw new MscopeError(`${file}: cue set "${s.name}" defined twice`);
    try {
      out.set(s.name, new RegExp(cueSource(s), s.flags ?? ''));
    } catch (e) {
      throw new MscopeError(`${file}: cue set "${s.name}": invalid pattern: ${(e as Error).message}`);
    }
  }
  return out;
}

let sets: Map<string, RegExp> | null = null;

/** The cue set `name` of the package's rules/contexts.json. */
export function cueSet(name: string): RegExp {
  sets ??= compileCueSets(join(defaultRulesDir(), CONTEXTS_FILE));
  const r = sets.get(name);
  if (!r) throw new MscopeError(`rules/${CONTEXTS_FILE}: no cue set "${name}" (used by src/classify)`);
  return r;
}
