/** Report generation: HTML/Markdown/JSON/SVG/CSV/XLSX from classified studies. */
export { generateReport, STAGES, type GenerateOptions, type GenerateResult } from './write.js';
export {
  buildReportData,
  asOfNote,
  type ReportData,
  type ReportContext,
  type ReportSnapshot,
} from './data.js';
export {
  FIGURES,
  renderFigures,
  renderSvg,
  CHART_CONFIG,
  type FigureDef,
  type RenderedFigure,
} from './charts.js';
export {
  REVIEWS,
  parseReview,
  resolvePublishedPath,
  loadPublished,
  compareWith,
  type ReviewId,
  type Comparison,
  type ComparisonRow,
} from './compare.js';
export { COMPARISONS, type ComparisonDef } from './comparisons.js';
export { prismaSvg } from './prisma.js';
export { loadClassified, type LoadedSnapshot } from './load.js';
export { stageBar, type StageBar } from './progress.js';
