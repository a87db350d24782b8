/** LICENSE and CITATION.cff agree with package.json (licence, version, name). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  license: string;
  version: string;
};
const read = (f: string): string => readFileSync(join(REPO_ROOT, f), 'utf8');

describe('licence and citation', () => {
  it('LICENSE is the licence package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
    expect(read('LICENSE')).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
  });

  it('CITATION.cff carries the package version and licence', () => {
    const cff = read('CITATION.cff');
    expect(cff).toMatch(/^cff-version: 1\.2\.0$/m);
    expect(cff).toMatch(new RegExp(`^version: ${pkg.version.replace(/\./g, '\\.')}$`, 'm'));
    expect(cff).toMatch(/^license: MIT$/m);
    expect(cff).toMatch(/^title: .*mscope/m);
  });
});
