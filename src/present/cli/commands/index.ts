import type { Command } from 'commander';
import { register as ingestCommand } from './ingest.js';
import { register as snapshotsCommand } from './snapshots.js';
import { register as studiesCommand } from './studies.js';
import { register as fetchCommand } from './fetch.js';
import { register as serveCommand } from './serve.js';
import { register as linkCommand } from './link.js';
import { register as reportCommand } from './report.js';
import { register as diffCommand } from './diff.js';
import { register as runCommand } from './run.js';
import { register as classifyCommand } from './classify.js';
import { register as evalCommand } from './eval.js';
import { register as decisionsCommand } from './decisions.js';
import { register as reviewCommand } from './review.js';
import { register as validateCommand } from './validate.js';
import { register as trialsCommand } from './trials.js';

/** Every CLI command module, in help order. Each one adds itself to the program. */
export const COMMANDS: Array<(program: Command) => void> = [
  // the main job first, then the pipeline in order: sources -> classify -> analyse/present
  runCommand,
  ingestCommand,
  fetchCommand,
  snapshotsCommand,
  studiesCommand,
  trialsCommand,
  classifyCommand,
  evalCommand,
  reviewCommand,
  decisionsCommand,
  validateCommand,
  reportCommand,
  diffCommand,
  linkCommand,
  serveCommand,
];
