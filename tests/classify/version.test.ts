/** The ruleset version covers the classifier code as well as the rules files. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifierCodeHash, classifierSources, hashClassifierSources } from '../../src/classify/codehash.js';
import { RULESET_VERSION, loadRules } from '../../src/classify/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

const SRC = join(REPO_ROOT, 'src', 'classify');

describe('ruleset version', () => {
  it('is "<rules version>+<rules hash>.<code hash>"', () => {
    const rules = loadRules();
    expect(RULESET_VERSION).toBe(`${rules.version}+${rules.hash}.${classifierCodeHash().slice(0, 8)}`);
  });

  it('the code hash covers the label code of src/classify (not literature/, not tests)', () => {
    const files = classifierSources(SRC);
    expect(files).toContain('category.ts');
    expect(files).toContain('matcher.ts');
    expect(files.some((f) => f.startsWith('literature/'))).toBe(false);
    const dir = mkdtempSync(join(tmpdir(), 'mscope-codehash-'));
    try {
      cpSync(SRC, dir, { recursive: true });
      expect(hashClassifierSources(dir)).toBe(classifierCodeHash());
      writeFileSync(
        join(dir, 'category.ts'),
        readFileSync(join(dir, 'category.ts'), 'utf8') + '\n// a change\n',
      );
      expect(hashClassifierSources(dir)).not.toBe(classifierCodeHash());
      // Line endings do not count.
      writeFileSync(
        join(dir, 'category.ts'),
        readFileSync(join(SRC, 'category.ts'), 'utf8').replace(/\n/g, '\r\n'),
      );
      expect(hashClassifierSources(dir)).toBe(classifierCodeHash());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
