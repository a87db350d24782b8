/**
 * routes: administration routes of the MSC product.
 * Reads: MSC interventions and arms (tier 1), else titles (tier 2), else MSC sentences of the description
 * (tier 3, route word close to the MSC term). Vocabulary: rules/routes.json. When the titles decide, routes of
 * MSC sentences of the description that state the study plan ("will receive ...") are added to theirs.
 * A bare "infusion"/"transfusion" (value intravenous_weak) means intravenous only when no explicit route is
 * found in any tier (GUIDELINE gold practice), and never in a heart study (routes.heart: intracoronary or intramyocardial
 * as often); a bare "implantation"/"graft" (surgical_weak) means surgical
 * implantation only for a product on a carrier material (topical when the condition is a skin surface: ulcer,
 * wound, burn, skin defect). A description sentence naming the MSC intervention by its (one-word, code-like) name
 * counts like an MSC sentence ("ABC-01 administered intravenously"). A route stated in a description sentence about the cells (no MSC term) is the last
 * textual resort. Product facts (e.g. Cx601 -> local injection) fill in
 * when the record names no route. A local/intralesional injection in a sentence about the brain or spinal cord (or in a
 * study whose conditions all are) is intracerebral, and so is an intramedullary one (spinal cord, not bone).
 * A carrier-borne plug put into a tract (a cell-coated fistula plug, no injection said) is surgical implantation.
 * Cue sets (rules/contexts.json): routes.background, routes.bone, routes.bone_defect, routes.cell_word,
 *   routes.cns, routes.drug_object, routes.implant, routes.injectable_carrier, routes.injection, routes.joint,
 *   routes.joint_disease, routes.heart,
 *   routes.medullary, routes.not_product, routes.other_organ, routes.parenchymal, routes.plan, routes.plug,
 *   routes.route_label, routes.tumour.
 * Returns: routes (a set), its reason code and its evidence (each quote with the rule id that gave it).
 * Reason codes (FAMILY_REASONS.routes), in decision order: an explicit route word of stated.intervention (the MSC
 *   interventions and arms, or those of a product named only by a code), stated.title (titles, plus the plan
 *   sentences of the description), stated.plan (no title names one: MSC sentences of the description stating the
 *   study plan, "will receive ..."), stated.description (other MSC sentences of the description, or one naming the
 *   intervention), stated.cell_sentence (a description sentence about the cells), stated.administration (a
 *   description sentence naming an injection's route, or a "Route:" line); else a bare "infusion" ->
 *   intravenous: iv_default.intervention / .title / .description (the first of those tiers with one);
 *   implant_word (a carrier-borne product and a bare "implantation"/"graft": topical on a skin surface, else
 *   surgical implantation); joint_injection (a bare injection in a joint study: a title or condition names a joint and
 *   a disease of its surface, cue sets routes.joint and routes.joint_disease: intra-articular); iv_default.outcome (a record without descriptions: an outcome naming the MSC
 *   infusion); product_fact; carrier (a carrier-borne product, no route or injection named); none_stated. An inferred
 *   surgical implantation (implant_word, carrier) in a bone defect a title or condition names adds intraosseous.
 */
import type { Evidence, FamilyReason, Route } from '../model/labels.js';
import { ROUTES } from '../model/labels.js';
import { evidenceOf, firstPerValue } from './evidence.js';
import { productFact, type ProductResult } from './product.js';
import { nearMsc } from './tiers.js';
import type { Hit, StudyView } from './view.js';
import { cueSet } from './cuesets.js';

const MEDULLARY = cueSet('routes.medullary');
const PARENCHYMAL = cueSet('routes.parenchymal');
const TUMOUR = cueSet('routes.tumour');
/** A plug placed in a tract (a cell-coated fistula plug). */
const PLUG = cueSet('routes.plug');

const KNOWN = new Set<string>(ROUTES);

const CNS = cueSet('routes.cns');

const BACKGROUND = cueSet('routes.background');

const BONE = cueSet('routes.bone');
/** A bone defect to be filled, named in a title or condition. */
const BONE_DEFECT = cueSet('routes.bone_defect');

const OTHER_ORGAN = cueSet('routes.other_organ');

/** A sentence stating what this study will do (not what MSCs do in general or did elsewhere). */
const PLAN = cueSet('routes.plan');

/** An injection or infusion next to the route word. */
const INJECTION = cueSet('routes.injection');

const IMPLANT = cueSet('routes.implant');

/** A carrier that is injected (a solution, hyaluronate, a gel), not placed at surgery. */
const INJECTABLE_CARRIER = cueSet('routes.injectable_carrier');

const CELL_WORD = cueSet('routes.cell_word');

/** A joint named in a title or condition, and a disease of its surface (osteoarthritis, cartilage, meniscus). */
const JOINT = cueSet('routes.joint');
const JOINT_DISEASE = cueSet('routes.joint_disease');
/** A disease of the heart named in a title or condition (a bare "infusion" there is no intravenous route). */
const HEART = cueSet('routes.heart');

const PRODUCT_TYPES = new Set(['BIOLOGICAL', 'GENETIC', 'COMBINATION_PRODUCT', 'DRUG']);
const NOT_PRODUCT = cueSet('routes.not_product');
/** A route word followed by a mass-dosed drug ("subcutaneous injection of 20 µg teriparatide"): that drug's route. */
const DRUG_OBJECT = cueSet('routes.drug_object');
/** A form-like "Route:" label right before a route word (a protocol's administration block). */
const ROUTE_LABEL = cueSet('routes.route_label');
const ARM_KEY = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Experimental product interventions (and their arms) of a study with no intervention named as MSCs. */
function codedProduct(v: StudyView): { interventions: Set<number>; arms: Set<number> } {
  const interventions = new Set<number>();
  const arms = new Set<number>();
  v.study.interventions.forEach((iv, i) => {
    if (!PRODUCT_TYPES.has(iv.type ?? '') || NOT_PRODUCT.test(iv.name)) return;
    const labels = new Set(iv.armGroupLabels.map(ARM_KEY));
    const linked = v.study.arms
      .map((a, j) => [a, j] as const)
      .filter(
        ([a]) =>
          labels.has(ARM_KEY(a.label)) ||
          a.interventionNames.some((n) => ARM_KEY(n).endsWith(ARM_KEY(iv.name))),
      );
    if (linked.length > 0 && !linked.some(([a]) => a.type === 'EXPERIMENTAL')) return;
    interventions.add(i);
    for (const [a, j] of linked) if (a.type === 'EXPERIMENTAL') arms.add(j);
  });
  // One product intervention and unlinked arms: its experimental arms are the ones naming it.
  if (interventions.size === 1 && arms.size === 0) {
    const name = ARM_KEY(v.study.interventions[[...interventions][0]!]!.name.replace(/\s*\(.*$/, ''));
    v.study.arms.forEach((a, j) => {
      if (
        a.type === 'EXPERIMENTAL' &&
        name.length >= 3 &&
        ARM_KEY(`${a.label} ${a.description ?? ''}`).includes(name)
      )
        arms.add(j);
    });
  }
  return { interventions, arms };
}

export interface RoutesResult {
  routes: Route[];
  reason: FamilyReason<'routes'>;
  evidence: Evidence[];
}

/** The reason code of each group of decideRoutes (explicit route words), in group order. */
const STATED: ReadonlyArray<FamilyReason<'routes'>> = [
  'stated.intervention',
  'stated.title',
  'stated.description',
  'stated.cell_sentence',
  'stated.administration',
];
/** The reason code of a bare "infusion" found in the first three groups, in group order. */
const IV_DEFAULT: ReadonlyArray<FamilyReason<'routes'>> = [
  'iv_default.intervention',
  'iv_default.title',
  'iv_default.description',
];

/** A boolean fact computed on its first call only. */
function once(fact: () => boolean): () => boolean {
  let value: boolean | undefined;
  return () => (value ??= fact());
}

export function decideRoutes(
  v: StudyView,
  product: ProductResult,
  biomaterial: boolean,
  surfaceCondition: boolean,
): RoutesResult {
  const hits = v.hits.filter((h) => h.family === 'route');
  const cellSentence = (h: Hit): boolean => {
    const text = v.text(h.field);
    const [a, b] = v.sentenceOf(h);
    return CELL_WORD.test(text.slice(a, b));
  };
  // Names of the MSC interventions (often a product code: "XYZ-01 administered intravenously").
  const names = [...v.mscInterventions]
    .map((i) => (v.study.interventions[i]?.name ?? '').replace(/\s*\(.*$/, '').trim())
    .filter((n) => n.length >= 4 && !/\s/.test(n) && /[0-9-]|[A-Z].*[A-Z]/.test(n))
    .map((n) => n.toLowerCase());
  const namingSentence = (h: Hit): boolean => {
    if (names.length === 0 || h.zone !== 'summary') return false;
    const [a, b] = v.sentenceOf(h);
    const sentence = v.text(h.field).slice(a, b).toLowerCase();
    return names.some((n) => sentence.includes(n));
  };
  // Description sentences about earlier work or MSCs in general ("recent data have claimed that intravenous ...").
  const background = (h: Hit): boolean => {
    const [a, b] = v.sentenceOf(h);
    return BACKGROUND.test(v.text(h.field).slice(a, b));
  };
  const administers = (h: Hit): boolean => {
    const [a, b] = v.sentenceOf(h);
    return v.adminCue(h.field, a, b);
  };
  // A product named only by a code ("EN001 given intravenously"), its MSC identity stated in the description or
  // keywords: with no MSC intervention, the experimental non-placebo product interventions and their arms are its.
  const coded =
    v.mscInterventions.size === 0
      ? codedProduct(v)
      : { interventions: new Set<number>(), arms: new Set<number>() };
  const ofCoded = (h: Hit): boolean =>
    (h.zone === 'intervention' && coded.interventions.has(h.owner)) ||
    (h.zone === 'arm' && coded.arms.has(h.owner));
  const groups: Array<(h: Hit) => boolean> = [
    (h) => v.tier(h) === 1 || ofCoded(h),
    (h) => v.tier(h) === 2,
    (h) =>
      (v.tier(h) === 3 && nearMsc(v, h, 120) && !background(h)) || (v.tier(h) === 4 && namingSentence(h)),
    // ... and so does a route far from the MSC term in a long MSC sentence that administers something (not earlier work).
    (h) =>
      h.zone === 'summary' &&
      (v.tier(h) === 4
        ? cellSentence(h)
        : v.tier(h) === 3 && !background(h) && cellSentence(h) && administers(h)),
    // Last explicit resort, before a bare "infusion" means intravenous: a description sentence naming the route of an
    // injection/infusion ("Visit 3 - Treatment (intra-articular injection)", "the intratendinous infusion of ..."),
    // or a form-like "Route: Intravenous" line of a protocol's administration block.
    (h) =>
      h.zone === 'summary' &&
      v.tier(h) >= 3 &&
      !background(h) &&
      ((administers(h) && INJECTION.test(v.text(h.field).slice(Math.max(0, h.start - 40), h.end + 40))) ||
        ROUTE_LABEL.test(v.text(h.field).slice(Math.max(0, h.start - 40), h.start))),
  ];
  // A lesional/local injection in the brain or spinal cord is intracerebral (intraparenchymal), GUIDELINE.
  // (Study-level facts below are found when first asked for: most studies never ask.)
  const cnsCondition = once(
    () => v.study.conditions.length > 0 && v.study.conditions.every((c) => CNS.test(c)),
  );
  const organStudy = once(() =>
    OTHER_ORGAN.test(
      [v.study.briefTitle ?? '', v.study.officialTitle ?? '', ...v.study.conditions].join(' | '),
    ),
  );
  // The product is a plug when its titles, its MSC interventions or the route's own field say so.
  const plugProduct =
    biomaterial &&
    PLUG.test(
      [
        v.study.briefTitle ?? '',
        v.study.officialTitle ?? '',
        ...[...v.mscInterventions].map((i) => {
          const iv = v.study.interventions[i];
          return iv ? `${iv.name} ${iv.description ?? ''} ${iv.otherNames.join(' ')}` : '';
        }),
      ].join(' | '),
    );
  const plugBorne = (h: Hit): boolean => {
    if (!biomaterial) return false;
    const text = v.text(h.field);
    const [a, b] = v.sentenceOf(h);
    return (plugProduct || (h.zone !== 'summary' && PLUG.test(text))) && !INJECTION.test(text.slice(a, b));
  };
  const valueOf = (h: Hit): string => {
    // "Intraparenchymal" is into the brain unless the study is about another organ (kidney, liver ...).
    if (h.value === 'intracerebral' && PARENCHYMAL.test(h.text) && organStudy()) {
      const [a, b] = v.sentenceOf(h);
      if (!cnsCondition() && !CNS.test(v.text(h.field).slice(a, b))) return 'local_injection';
    }
    // Intramedullary in the spinal cord is intraparenchymal (intracerebral), in a long bone intraosseous.
    const medullary = h.value === 'intraosseous' && MEDULLARY.test(h.text);
    if (h.value !== 'local_injection' && !medullary) return h.value;
    const [a, b] = v.sentenceOf(h);
    // A carrier-borne product that is a plug put into the tract (no injection said there) is placed, not injected:
    // surgical implantation (GUIDELINE: implanted during surgery on a scaffold/graft).
    if (h.value === 'local_injection' && plugBorne(h)) return 'surgical_implantation';
    if (cnsCondition() || CNS.test(v.text(h.field).slice(a, b))) return 'intracerebral';
    // Into a tumour of the brain (glioblastoma among the conditions or in the title).
    if (TUMOUR.test(h.text) && CNS.test([v.study.briefTitle ?? '', ...v.study.conditions].join(' | ')))
      return 'intracerebral';
    return h.value;
  };
  // A title names one route; the description may plan another for the same product ("will receive two intravenous
  // infusions and four intra-articular injections"): MSC sentences stating the study plan add theirs to the title's.
  const plan = (h: Hit): boolean => {
    if (!groups[2]!(h) || h.zone !== 'summary' || !administers(h)) return false;
    const [a, b] = v.sentenceOf(h);
    return PLAN.test(v.text(h.field).slice(a, b));
  };
  // "Percutaneous injection" says into bone only in a study about bone (fracture, nonunion, osteonecrosis ...);
  // in a knee or spinal cord study it names no route of its own.
  const boneStudy = once(() =>
    BONE.test([v.study.briefTitle, v.study.officialTitle, ...v.study.conditions].join(' | ')),
  );
  // An MSC arm's description often describes the study's other interventions too ("the basic treatment is oral X
  // plus Y ointment for topical use"): a route in a sentence of the arm that names another intervention of the study
  // and holds no MSC or cell word is that intervention's, not the MSC product's (GUIDELINE: routes of the MSC product).
  const otherNames = v.study.interventions
    .filter((_, i) => !v.mscInterventions.has(i) && !coded.interventions.has(i))
    .map((iv) => ARM_KEY(iv.name.replace(/\s*\(.*$/, '')))
    .filter((n) => n.length >= 4);
  const otherInterventionSentence = (h: Hit): boolean => {
    if (h.zone !== 'arm' || otherNames.length === 0) return false;
    const [a, b] = v.sentenceOf(h);
    const sentence = v.text(h.field).slice(a, b);
    if (CELL_WORD.test(sentence) || v.inField(h.field).some((m) => m.msc && m.start >= a && m.end <= b))
      return false;
    const key = ` ${ARM_KEY(sentence)} `;
    return otherNames.some((n) => key.includes(` ${n} `));
  };
  const usable = (h: Hit): boolean => {
    if (!KNOWN.has(h.value)) return false;
    if (otherInterventionSentence(h)) return false;
    if (DRUG_OBJECT.test(v.text(h.field).slice(h.end, h.end + 60))) return false;
    if (h.rule !== 'route.intraosseous.percutaneous' || boneStudy()) return true;
    const [a, b] = v.sentenceOf(h);
    return BONE.test(v.text(h.field).slice(a, b));
  };
  // usable() is the same for every group: tested once per hit.
  const usableHits = hits.filter(usable);
  for (const [gi, g] of groups.entries()) {
    const picked = usableHits.filter((h) => g(h) || (gi === 1 && plan(h)));
    // "Stereotactic" is a technique: beside an intraventricular/intrathecal route in the same sentence it is how
    // that injection is guided, not an intraparenchymal route of its own.
    const chosen = picked.filter(
      (h) =>
        h.rule !== 'route.intracerebral.stereotactic' ||
        !picked.some(
          (o) =>
            o.value === 'intrathecal' && o.field === h.field && v.sentenceOf(o)[0] === v.sentenceOf(h)[0],
        ),
    );
    if (chosen.length > 0) {
      const evidence = chosen.map((h) => {
        const value = valueOf(h);
        return evidenceOf('routes', value, h, value === h.value ? h.rule : 'route.intracerebral.cns_lesion');
      });
      // A carrier-borne product placed in bone by surgery (seeded on a scaffold, fixed in a graft, implanted):
      // intraosseous and surgical implantation (GUIDELINE: implanted during surgery on a scaffold/graft).
      if (
        biomaterial &&
        evidence.some((e) => e.value === 'intraosseous') &&
        !evidence.some((e) => e.value === 'surgical_implantation')
      ) {
        const implant = hits.find(
          (h) =>
            h.value === 'surgical_weak' &&
            IMPLANT.test(h.text) &&
            (v.tier(h) <= 2 || (v.tier(h) === 3 && nearMsc(v, h, 120))),
        );
        if (implant) evidence.push(evidenceOf('routes', 'surgical_implantation', implant));
      }
      // ... and the converse: a carrier-borne product implanted at surgery in a bone defect the title or a condition
      // names (a bone cyst, nonunion, alveolar ridge) fills that defect: intraosseous too (GUIDELINE: bone defect filling).
      if (
        biomaterial &&
        evidence.some((e) => e.value === 'surgical_implantation') &&
        !evidence.some((e) => e.value === 'intraosseous')
      ) {
        const defect = boneDefect(v);
        if (defect) evidence.push(defect);
      }
      return {
        routes: ROUTES.filter((r) => evidence.some((e) => e.value === r)),
        // the title group also takes the description's plan sentences: they decide alone when no title names a route
        reason: gi === 1 && !chosen.some((h) => v.tier(h) === 2) ? 'stated.plan' : STATED[gi]!,
        evidence: firstPerValue(evidence),
      };
    }
  }
  // A joint study: a title or condition names a joint and a disease of its surface ("Knee Osteoarthritis").
  const jointTitles = [v.study.briefTitle ?? '', v.study.officialTitle ?? '', ...v.study.conditions].join(
    ' | ',
  );
  const jointStudy = JOINT.test(jointTitles) && JOINT_DISEASE.test(jointTitles);
  // A heart study (myocardial infarction, heart failure, cardiomyopathy in a title or condition): cells "infused" there
  // go into the coronary arteries or the heart wall as often as into a vein, so a bare infusion states no route.
  const heartStudy = HEART.test(jointTitles);
  for (const [gi, g] of groups.slice(0, 3).entries()) {
    const weak = hits.filter(g);
    const iv = heartStudy ? undefined : weak.find((h) => h.value === 'intravenous_weak');
    if (iv)
      return {
        routes: ['intravenous'],
        reason: IV_DEFAULT[gi]!,
        evidence: [evidenceOf('routes', 'intravenous', iv)],
      };
    if (biomaterial) {
      const surface = weak.find((h) => h.value === 'topical_weak' || h.value === 'surgical_weak');
      if (surface && surfaceCondition)
        return {
          routes: ['topical'],
          reason: 'implant_word',
          evidence: [evidenceOf('routes', 'topical', surface)],
        };
      const surgical = weak.find((h) => h.value === 'surgical_weak');
      if (surgical)
        return withBoneDefect(v, {
          routes: ['surgical_implantation'],
          reason: 'implant_word',
          evidence: [evidenceOf('routes', 'surgical_implantation', surgical)],
        });
    }
    // A bare injection of the MSC product in a joint study (knee osteoarthritis, a cartilage defect of the hip): the
    // joint the study names is where it goes (GUIDELINE: intra_articular; the route is stated by the joint named).
    const injection = jointStudy ? weak.find((h) => h.value === 'injection_weak') : undefined;
    if (injection)
      return {
        routes: ['intra_articular'],
        reason: 'joint_injection',
        evidence: [evidenceOf('routes', 'intra_articular', injection)],
      };
  }
  // A record with no description at all (one short intervention field, as ICTRP and registry exports give): an
  // outcome measure naming the MSC infusion ("time to extubation after MSC infusion") is where it says how.
  if (noDescriptions(v) && !heartStudy) {
    const iv = hits.find((h) => h.zone === 'outcome' && h.value === 'intravenous_weak' && nearMsc(v, h, 40));
    if (iv)
      return {
        routes: ['intravenous'],
        reason: 'iv_default.outcome',
        evidence: [evidenceOf('routes', 'intravenous', iv)],
      };
  }
  const evidence: Evidence[] = [];
  for (const r of product.product?.routes ?? []) {
    const e = productFact('routes', r, product, 'route');
    if (e) evidence.push(e);
  }
  if (evidence.length === 0 && biomaterial) {
    const carrier = carrierDefault(v, surfaceCondition);
    if (carrier)
      return withBoneDefect(v, { routes: [carrier.value as Route], reason: 'carrier', evidence: [carrier] });
  }
  const routes = ROUTES.filter((r) => evidence.some((e) => e.value === r));
  return { routes, reason: routes.length > 0 ? 'product_fact' : 'none_stated', evidence };
}

/**
 * A carrier-borne product put in place at surgery (no route word: inferred from an implantation word or the carrier)
 * in a bone defect the title or a condition names fills that defect: intraosseous too (GUIDELINE: bone defect
 * filling), as for an explicit implantation.
 */
function withBoneDefect(v: StudyView, r: RoutesResult): RoutesResult {
  if (!r.routes.includes('surgical_implantation')) return r;
  const defect = boneDefect(v);
  if (!defect) return r;
  const evidence = [...r.evidence, defect];
  return { ...r, routes: ROUTES.filter((x) => evidence.some((e) => e.value === x)), evidence };
}

/** The first bone-defect words of the titles or conditions, as intraosseous evidence. */
function boneDefect(v: StudyView): Evidence | null {
  const fields: Array<[string, string | null]> = [
    ['briefTitle', v.study.briefTitle],
    ['officialTitle', v.study.officialTitle],
    ...v.study.conditions.map((c, i): [string, string] => [`conditions.${i}`, c]),
  ];
  for (const [field, text] of fields) {
    const m = text ? BONE_DEFECT.exec(text) : null;
    if (m)
      return {
        label: 'routes',
        value: 'intraosseous',
        field,
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        rule: 'route.intraosseous.bone_defect_carrier',
      };
  }
  return null;
}

const noDescriptions = (v: StudyView): boolean =>
  !v.study.briefSummary &&
  !v.study.detailedDescription &&
  v.study.interventions.every((iv) => !iv.description) &&
  v.study.arms.every((a) => !a.description);

/**
 * A product on a carrier (sheet, gel, scaffold, plug, membrane, bone substitute) whose record names no route and
 * no injection: it is put in place, not injected. On a skin surface (ulcer, wound, burn) it is applied there
 * (topical); elsewhere it is placed at surgery (surgical implantation: "implanted during surgery on a
 * scaffold/graft", GUIDELINE). The carrier named in an MSC intervention, arm or title is the evidence.
 */
function carrierDefault(v: StudyView, surfaceCondition: boolean): Evidence | null {
  const carrier = v.hits.find((h) => h.family === 'biomaterial' && (v.tier(h) === 1 || h.zone === 'title'));
  if (!carrier) return null;
  const productText = [...v.mscInterventions]
    .map((i) => `${v.study.interventions[i]?.name ?? ''} ${v.study.interventions[i]?.description ?? ''}`)
    .join(' ');
  if (INJECTION.test(productText) || INJECTION.test(v.text(carrier.field))) return null;
  if (!surfaceCondition) {
    const [a, b] = v.sentence(carrier.field, carrier.start, carrier.end);
    if (INJECTABLE_CARRIER.test(v.text(carrier.field).slice(a, b))) return null;
  }
  const value = surfaceCondition ? 'topical' : 'surgical_implantation';
  return evidenceOf('routes', value, carrier, `route.${value}.carrier`);
}
