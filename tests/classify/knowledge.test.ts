/**
 * Knowledge as data: the classifier's vocabulary and context cues live in rules/*.json, code keeps the decision
 * logic. This scans every TypeScript file of src/classify for regular-expression literals (and RegExp constructors
 * given a string literal) carrying words, and checks that the cue sets of rules/contexts.json are each defined
 * once and used by name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTEXTS_FILE, compileCueSets, cueSource, type CueSet } from '../../src/classify/cuesets.js';
import { REPO_ROOT } from '../helpers/shared.js';

const SRC = join(REPO_ROOT, 'src', 'classify');
const CONTEXTS = join(REPO_ROOT, 'rules', CONTEXTS_FILE);

/** Structural patterns that contain letters but no domain vocabulary (source text of the literal). */
const ALLOWED: Record<string, string> = {
  '/^NCT\\d{8}$/': 'the NCT id format',
  '/^[gimsuy]*$/': 'RegExp flags (cuesets.ts schema)',
  '/\\s*(?:\\/|-|–|\\band\\b|\\bor\\b)\\s*/i':
    'literature/facts.ts: splitting a written list on conjunctions',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Does a RegExp source carry a word (3+ letters outside escapes such as \b, \w, \u2018 and group syntax)? */
export function carriesWords(source: string): boolean {
  const body = source.replace(/\\u[0-9a-fA-F]{4}|\\[a-zA-Z]/g, ' ').replace(/\(\?(?:<?[=!]|:)/g, ' ');
  return /[a-zA-Z]{3,}/.test(body);
}

interface Literal {
  where: string;
  text: string;
}

function literals(file: string): Literal[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: Literal[] = [];
  const where = (n: ts.Node): string =>
    `${relative(REPO_ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) out.push({ where: where(n), text: n.getText() });
    if (
      ts.isNewExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === 'RegExp' &&
      n.arguments?.[0] &&
      ts.isStringLiteralLike(n.arguments[0])
    ) {
      out.push({ where: where(n), text: `/${n.arguments[0].text}/` });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('classifier knowledge is data', () => {
  it('no regular expression with domain words in src/classify (short allowlist of structural patterns)', () => {
    const all = sources(SRC).flatMap(literals);
    expect(all.length).toBeGreaterThan(20); // the scan sees the structural literals
    const offending = all.filter((l) => carriesWords(l.text) && !(l.text in ALLOWED));
    expect(offending.map((l) => `${l.where} ${l.text.slice(0, 80)}`)).toEqual([]);
  });

  it('the scan recognises domain words and ignores escapes and group syntax', () => {
    expect(carriesWords('/\\b(?:have been|studies)\\b/i')).toBe(true);
    expect(carriesWords('/^\\s?\\((?:[a-z0-9-]+\\s+){0,4}$/i')).toBe(false);
    expect(carriesWords('/[\\u2018\\u2019]/g')).toBe(false);
    expect(carriesWords('/^\\?(?:<=|<!|=|!)/')).toBe(false);
  });

  it('every cue set is defined once, compiles, and is used by name in src/classify', () => {
    const file = JSON.parse(readFileSync(CONTEXTS, 'utf8')) as { sets: CueSet[] };
    const compiled = compileCueSets(CONTEXTS);
    expect(compiled.size).toBe(file.sets.length);
    const bodies = file.sets.map(cueSource);
    expect(new Set(bodies).size, 'two cue sets with the same definition').toBe(bodies.length);
    const code = sources(SRC)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const used = new Set([...code.matchAll(/cueSet\('([^']+)'\)/g)].map((m) => m[1]!));
    expect(
      [...used].filter((n) => !compiled.has(n)),
      'used but not defined',
    ).toEqual([]);
    expect(
      [...compiled.keys()].filter((n) => !used.has(n)),
      'defined but not used',
    ).toEqual([]);
    for (const n of used) expect(code.split(`cueSet('${n}')`).length - 1, `${n} looked up once`).toBe(1);
  });
});
