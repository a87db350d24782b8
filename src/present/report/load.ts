/** Loading a snapshot as ClassifiedStudy rows is a pipeline step (src/pipeline/load.ts); re-exported here. */
export { loadClassifiedRows as loadClassified, type LoadedSnapshot } from '../../pipeline/load.js';
