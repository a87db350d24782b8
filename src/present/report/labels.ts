/** Display names: see ../names.ts (shared by the report and the dashboard). */
export { LIST_SEPARATOR, NAMES, NOT_STATED, nice, niceList } from '../names.js';
