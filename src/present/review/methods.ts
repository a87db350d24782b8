/**
 * `mscope validate` output: the methods paragraph and table a review author pastes into a manuscript, from a
 * ValidationReport (analyze/validate.ts) and the sample it was computed on.
 */
import {
  BOOTSTRAP,
  type FieldAgreement,
  type FieldValidation,
  type ValidationReport,
} from '../../analyze/validate.js';
import type { ReviewSample } from '../../store/index.js';

const f3 = (x: number) => x.toFixed(3);
const f2 = (x: number) => x.toFixed(2);
const kap = (k: number | null) => (k === null ? 'n/a' : f2(k));

const FIELD_NAMES: Record<string, string> = {
  category: 'category (MSC product type / inclusion)',
  sources: 'tissue sources',
  donor: 'donor (autologous/allogeneic)',
  modifications: 'modifications',
  biomaterial: 'biomaterial carrier',
  routes: 'routes of administration',
  covid19: 'COVID-19',
  specialty: 'medical specialty',
  product: 'named product',
  dose: 'dose',
};

function fieldSentence(f: FieldValidation): string {
  const name = FIELD_NAMES[f.field] ?? f.field;
  if (f.kind === 'accuracy')
    return `${name} ${f.agree}/${f.n} (accuracy ${f3(f.score)}, 95% CI ${f3(f.ci.low)}–${f3(f.ci.high)}; κ = ${kap(f.kappa.kappa)})`;
  return `${name} micro-F1 ${f3(f.score)} (95% CI ${f3(f.ci.low)}–${f3(f.ci.high)}; exact set ${f.exact.x}/${f.exact.n})`;
}

export interface MethodsContext {
  sample: ReviewSample | null;
  rulesetVersion: string;
  snapshotId: number;
  version: string;
  interRater?: { a: string; b: string; fields: FieldAgreement[] } | null;
}

export function methodsParagraph(r: ValidationReport, ctx: MethodsContext): string {
  const s = ctx.sample;
  const who =
    r.reviewers.length === 1
      ? `one reviewer (${r.reviewers[0]})`
      : `${r.reviewers.length} reviewers (${r.reviewers.join(', ')})`;
  const drawn = s
    ? `a random sample of ${s.size} of the ${s.population} registry records of snapshot ${s.snapshotId}${s.stratify ? `, stratified by the classifier's ${s.stratify} with proportional allocation` : ''} (seed ${s.seed}; \`mscope review --sample ${s.size} --seed ${s.seed}${s.stratify ? ` --stratify ${s.stratify}` : ''}\`)`
    : `the ${r.trials} trials with reviewer decisions (not a random sample drawn by mscope: the figures generalize only as far as these trials represent the rest)`;
  const parts = [
    `To validate the automatic labels, ${drawn} ${s ? 'was' : 'were'} reviewed in mscope ${ctx.version} by ${who}, who accepted or corrected each label with the registry record and the classifier's quoted evidence in view; ${r.reviewedTrials} trials received decisions.`,
    r.fields.length
      ? `Against the reviewers' decisions, the classifier (ruleset ${ctx.rulesetVersion}) agreed on ${r.fields.map(fieldSentence).join('; ')}.`
      : 'No field has decisions yet.',
    `Accuracies are given with Wilson score 95% confidence intervals and Cohen's κ (classifier vs reviewer); set-valued fields are scored by micro-F1 over (trial, value) pairs with a 95% percentile bootstrap interval (${BOOTSTRAP.resamples.toLocaleString('en-US')} resamples of trials, seed ${BOOTSTRAP.seed}).`,
  ];
  const ir = ctx.interRater;
  if (ir && ir.fields.length) {
    parts.push(
      `Two reviewers (${ir.a}, ${ir.b}) labelled the same trials independently: ${ir.fields
        .map(
          (f) => `${FIELD_NAMES[f.field] ?? f.field} ${f.agree}/${f.n} agreement (κ = ${kap(f.kappa.kappa)})`,
        )
        .join(
          '; ',
        )}; disagreements were listed by \`mscope decisions conflicts\` and resolved by discussion.`,
    );
  }
  return parts.join(' ');
}

export function methodsTable(r: ValidationReport): string {
  const head = ['Field', 'n', 'Metric', 'Value', '95% CI', "Cohen's κ"];
  const rows = r.fields.map((f) => [
    f.field,
    String(f.n),
    f.kind === 'accuracy' ? 'accuracy' : 'micro-F1',
    f3(f.score),
    `${f3(f.ci.low)}–${f3(f.ci.high)} (${f.ciMethod})`,
    kap(f.kappa.kappa),
  ]);
  return (
    [
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
      ...rows.map((x) => `| ${x.join(' | ')} |`),
    ].join('\n') + '\n'
  );
}

export function confusionTable(r: ValidationReport): string {
  const rowsK = Object.keys(r.confusion).sort();
  if (!rowsK.length) return '';
  const cols = [...new Set([...rowsK, ...Object.values(r.confusion).flatMap((x) => Object.keys(x))])].sort();
  const head = ['reviewer \\ classifier', ...cols];
  return (
    [
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
      ...rowsK.map((k) => `| ${[k, ...cols.map((c) => String(r.confusion[k]?.[c] ?? 0))].join(' | ')} |`),
    ].join('\n') + '\n'
  );
}

export function interRaterTable(fields: readonly FieldAgreement[]): string {
  const head = ['Field', 'n', 'agreement', '95% CI', "Cohen's κ"];
  return (
    [
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
      ...fields.map(
        (f) =>
          `| ${[f.field, String(f.n), f3(f.agree / f.n), `${f3(f.ci.low)}–${f3(f.ci.high)}`, kap(f.kappa.kappa)].join(' | ')} |`,
      ),
    ].join('\n') + '\n'
  );
}
