import type { Command } from 'commander';
import { register as fetchCommand } from './fetch.js';
import { register as serveCommand } from './serve.js';
import { register as linkCommand } from './link.js';

/** Every CLI command module, in help order. Each one adds itself to the program. */
export const COMMANDS: Array<(program: Command) => void> = [
  fetchCommand,
  serveCommand,
  linkCommand,
];
