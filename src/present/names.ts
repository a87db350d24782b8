/**
 * Human-readable names for stored values (data): the report's figures, tables and spreadsheet and the dashboard
 * all show these, never a raw code. Unknown keys: registry phase lists are spelled out ("PHASE1|PHASE2" ->
 * "Phase 1/2"), other UPPER_SNAKE codes become sentence case, anything else is shown as-is. Pure (no Node or
 * DOM imports: the dashboard bundle imports this file).
 */
import { LIST_SEPARATOR } from '../model/lists.js';

export const NAMES: Readonly<Record<string, string>> = {
  // sources
  bone_marrow: 'Bone marrow',
  adipose: 'Adipose',
  umbilical_cord: 'Umbilical cord',
  cord_blood: 'Cord blood',
  placenta_amnion: 'Placenta / amnion',
  dental: 'Dental',
  endometrial_menstrual: 'Endometrium / menstrual blood',
  synovial: 'Synovium',
  peripheral_blood: 'Peripheral blood',
  pluripotent_derived: 'iPSC/ESC-derived',
  other_tissue: 'Other tissue',
  multiple: 'Multiple sources',
  unspecified: 'Not stated',
  // routes
  intravenous: 'Intravenous',
  intra_arterial: 'Intra-arterial',
  intra_articular: 'Intra-articular',
  intrathecal: 'Intrathecal',
  intramyocardial: 'Intramyocardial',
  intramuscular: 'Intramuscular',
  subcutaneous_intradermal: 'Subcutaneous / intradermal',
  topical: 'Topical',
  local_injection: 'Local injection',
  intradiscal: 'Intradiscal',
  intraperitoneal: 'Intraperitoneal',
  intranasal: 'Intranasal',
  inhalation: 'Inhalation',
  intraocular: 'Intraocular',
  intracerebral: 'Intracerebral',
  intraosseous: 'Intraosseous',
  intrauterine_ovarian: 'Intrauterine / ovarian',
  intracavernous: 'Intracavernous',
  surgical_implantation: 'Surgical implantation',
  // specialties
  musculoskeletal: 'Musculoskeletal',
  neurology: 'Neurology',
  pneumology: 'Pneumology',
  cardiovascular: 'Cardiovascular',
  immunology_rheumatology: 'Immunology / rheumatology',
  hematology_transplant: 'Haematology / transplant',
  hepatology: 'Hepatology',
  gastroenterology: 'Gastroenterology',
  nephrology_urology: 'Nephrology / urology',
  endocrinology: 'Endocrinology',
  dermatology_wound: 'Dermatology / wounds',
  ophthalmology: 'Ophthalmology',
  reproductive: 'Reproductive',
  oncology: 'Oncology',
  other: 'Other',
  // categories
  msc_cells: 'MSCs (cells)',
  msc_derived: 'MSC-derived, cell-free (EVs, secretome …)',
  stromal_mixture: 'Stromal mixtures (SVF, BMAC …)',
  ex_vivo_only: 'MSCs only ex vivo',
  unrelated: 'Unrelated',
  undetermined: 'Awaiting classification',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  // donor, form, modification
  autologous: 'Autologous',
  allogeneic: 'Allogeneic',
  both: 'Both',
  cells: 'MSCs (cells)',
  derived: 'EVs / secretome (cell-free)',
  mixture: 'Stromal mixtures (SVF, BMAC …)',
  genetically_modified: 'Genetically modified',
  primed: 'Primed',
  differentiated: 'Differentiated',
  none: 'None stated',
  // phases
  EARLY_PHASE1: 'Early phase 1',
  PHASE1: 'Phase 1',
  'PHASE1|PHASE2': 'Phase 1/2',
  PHASE2: 'Phase 2',
  'PHASE2|PHASE3': 'Phase 2/3',
  PHASE3: 'Phase 3',
  PHASE4: 'Phase 4',
  NA: 'Not applicable',
  NONE: 'No phase given',
  // statuses
  COMPLETED: 'Completed',
  RECRUITING: 'Recruiting',
  UNKNOWN: 'Unknown status',
  NOT_YET_RECRUITING: 'Not yet recruiting',
  ACTIVE_NOT_RECRUITING: 'Active, not recruiting',
  ENROLLING_BY_INVITATION: 'Enrolling by invitation',
  TERMINATED: 'Terminated',
  WITHDRAWN: 'Withdrawn',
  SUSPENDED: 'Suspended',
  AVAILABLE: 'Available',
  NO_LONGER_AVAILABLE: 'No longer available',
  APPROVED_FOR_MARKETING: 'Approved for marketing',
  TEMPORARILY_NOT_AVAILABLE: 'Temporarily not available',
  WITHHELD: 'Withheld',
  unknown: 'Not stated',
  '(no location)': '(no location)',
  'COVID-19': 'COVID-19',
  // study types, sponsors
  INTERVENTIONAL: 'Interventional',
  OBSERVATIONAL: 'Observational',
  EXPANDED_ACCESS: 'Expanded access',
  INDUSTRY: 'Industry',
  NIH: 'NIH',
  FED: 'US federal',
  OTHER_GOV: 'Other government',
  INDIV: 'Individual',
  NETWORK: 'Network',
  OTHER: 'Other (academic, hospital …)',
  // registries (rules/registries.json ids)
  ctgov: 'ClinicalTrials.gov',
  anzctr: 'ANZCTR',
  chictr: 'ChiCTR',
  cris: 'CRIS',
  ctri: 'CTRI',
  drks: 'DRKS',
  ctis: 'CTIS',
  euctr: 'EUCTR',
  irct: 'IRCT',
  isrctn: 'ISRCTN',
  jprn: 'JPRN',
  jrct: 'jRCT',
  umin: 'UMIN-CTR',
  japiccti: 'JapicCTI',
  jmacct: 'JMACCT',
  lbctr: 'LBCTR',
  ntr: 'NTR',
  pactr: 'PACTR',
  rebec: 'ReBEC',
  repec: 'REPEC',
  rpcec: 'RPCEC',
  slctr: 'SLCTR',
  tctr: 'TCTR',
};

/** What the report and the dashboard print where a value is missing (never a blank cell). */
export const NOT_STATED = 'not stated';

export function nice(key: string): string {
  const n = NAMES[key];
  if (n !== undefined) return n;
  if (/^(EARLY_)?PHASE\d(\|(EARLY_)?PHASE\d)*$/.test(key))
    return key
      .split('|')
      .map((p, i) =>
        p === 'EARLY_PHASE1'
          ? 'Early phase 1'
          : i === 0
            ? p.replace('PHASE', 'Phase ')
            : p.replace('PHASE', ''),
      )
      .join('/');
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(key)) {
    const s = key.replace(/_/g, ' ').toLowerCase();
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  return key;
}

/** A list of stored values as display names, joined with the one list separator ("; "). */
export const niceList = (keys: readonly string[]): string => keys.map(nice).join(LIST_SEPARATOR);

export { LIST_SEPARATOR };
