/**
 * Evidence details beyond the contract every case checks (classifyChecked: valid labels, spans that really occur):
 * which rule gave a value, which text it quotes, and that a comparator's words leave no evidence for the product.
 */
import { describe, expect, it } from 'vitest';
import { cases as sourceCases } from './cases/sources.js';
import { classifyChecked } from './checked.js';

const run = classifyChecked;

describe('evidence: which rule and text a value rests on', () => {
  it('the comparator arm leaves no source evidence: the product quotes only its own tissue', () => {
    const fixture = sourceCases.find((c) => c.name.startsWith('the comparator arm gives no source'));
    expect(fixture, 'the comparator case of cases/sources.ts').toBeDefined();
    const l = run(fixture!.study);
    const src = l.evidence.filter((e) => e.label === 'sources').map((e) => e.value);
    expect(src).toContain('umbilical_cord');
    expect(src).not.toContain('bone_marrow');
  });

  it('an allogeneic donor implied by a perinatal source names the perinatal-source rule', () => {
    const uc = run({
      title: 'Umbilical Cord MSC in Heart Failure',
      interventions: [{ name: 'Umbilical cord mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['Heart Failure'],
    });
    expect(uc.evidence.some((e) => e.rule === 'donor.allogeneic.perinatal_source')).toBe(true);
  });

  it("a named product's facts quote the product name and name the product rule", () => {
    const l = run({
      title: 'Prochymal for Steroid-Refractory Acute GVHD',
      interventions: [{ name: 'Prochymal', description: 'Infusion of Prochymal twice weekly for 4 weeks' }],
      conditions: ['Graft vs Host Disease'],
    });
    const ev = l.evidence.find((e) => e.label === 'sources');
    expect(ev?.rule).toBe('product.remestemcel-L.source');
    expect(ev?.text).toBe('Prochymal');
  });
});
