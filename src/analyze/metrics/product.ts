/** Product metrics from classifier labels: tissue source, donor, form, modifications, routes, specialty, COVID-19, named products. */
import { SLOT, type PreparedStudy } from '../prepare.js';
import { countTable, finish, type MetricTable, type TallyContext } from './table.js';

type Rows = readonly PreparedStudy[];

const MULTI_NOTE =
  'A trial with several values counts once under each (shares can add up to more than 100%); share = trials with the value / all trials.';

export function sources(rows: Rows, ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    'sources',
    {
      id: 'sources',
      title: 'MSC tissue source',
      dims: ['source'],
      unit: 'trials',
      note: `Tissue origin of the MSC product (classifier label). ${MULTI_NOTE} "unspecified" = not stated in the record.`,
    },
    ctx,
  );
}

export function sourceGroups(rows: Rows, ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    SLOT.sourceGroup,
    {
      id: 'sourceGroups',
      title: 'MSC tissue source (one group per trial)',
      dims: ['source'],
      unit: 'trials',
      note: 'Each trial in exactly one group: its single tissue source, "multiple" when several are used, "unspecified" when none is stated. Shares add up to 100%.',
    },
    ctx,
  );
}

export function donors(rows: Rows, ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    SLOT.donor,
    {
      id: 'donors',
      title: 'Autologous vs allogeneic',
      dims: ['donor'],
      unit: 'trials',
      note: 'Donor type of the MSC product; "both" = different arms/parts use each.',
    },
    ctx,
  );
}

export function productForms(rows: Rows, ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    SLOT.productForm,
    {
      id: 'productForms',
      title: 'Cells vs EVs/secretome vs stromal mixtures',
      dims: ['productForm'],
      unit: 'trials',
      note: 'cells = living (culture-expanded) MSCs; derived = cell-free MSC products (EVs, exosomes, secretome, conditioned medium, lysate); mixture = minimally manipulated stromal mixtures (SVF, BMAC, micro-fragmented fat). A trial giving both cells and derived products counts as cells.',
    },
    ctx,
  );
}

export function modifications(rows: Rows, ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    'modifications',
    {
      id: 'modifications',
      title: 'Primed, genetically modified and differentiated MSCs',
      dims: ['modification'],
      unit: 'trials',
      note: `genetically_modified = transfected/transduced/gene-edited (incl. CRISPR); primed = preconditioned (cytokines, hypoxia, drugs, 3D culture); differentiated = induced toward another lineage before use; none = no modification stated. ${MULTI_NOTE}`,
    },
    ctx,
  );
}

export function routes(rows: Rows, ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    'routes',
    {
      id: 'routes',
      title: 'Administration routes',
      dims: ['route'],
      unit: 'trials',
      note: `Route of administration of the MSC product. ${MULTI_NOTE} "unspecified" = no route stated.`,
    },
    ctx,
  );
}

export function specialties(rows: Rows, ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    SLOT.specialty,
    {
      id: 'specialties',
      title: 'Medical specialty',
      dims: ['specialty'],
      unit: 'trials',
      note: 'One principal medical area per trial (classifier label, gold guideline definitions).',
    },
    ctx,
  );
}

export function covid19(rows: Rows, ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    SLOT.covid19,
    {
      id: 'covid19',
      title: 'COVID-19 trials',
      dims: ['covid19'],
      unit: 'trials',
      note: 'Trials targeting COVID-19 / SARS-CoV-2, incl. COVID ARDS and long COVID.',
    },
    ctx,
  );
}

export function products(rows: Rows, ctx?: TallyContext): MetricTable {
  const meta = {
    id: 'products',
    title: 'Named MSC products',
    dims: ['product'],
    unit: 'trials',
    note: '',
    share: false,
  };
  const pre = ctx?.pre?.rows === rows ? ctx.pre : undefined;
  // the fused counts skip studies without a product, as this filter does
  const named = pre ? null : rows.filter((r) => r.codes.single[SLOT.product]! >= 0);
  const nNamed = pre ? pre.named : named!.length;
  const t = pre ? finish(pre.dim(SLOT.product), nNamed, meta) : countTable(named!, SLOT.product, meta, ctx);
  return {
    ...t,
    denominator: rows.length,
    note: `Canonical product names recognised by the classifier (e.g. remestemcel-L). ${nNamed} of ${rows.length} trials name a product; the others are not listed.`,
  };
}
