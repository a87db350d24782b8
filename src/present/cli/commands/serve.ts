/**
 * `mscope serve`: the local web dashboard over one snapshot of the database. Reviewer decisions can be saved from
 * its review page (the decisions API, guarded: server/writes.ts) unless --read-only, or when bound to an interface
 * other than loopback (then the dashboard is read-only: other machines could load the page and its write token).
 */
import type { Command } from 'commander';
import { UsageError } from '../../../model/errors.js';
import { isLoopback } from '../../server/security.js';

interface ServeOpts {
  snapshot?: string;
  host: string;
  port: string;
  json?: boolean;
  readOnly?: boolean;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the interactive dashboard, its JSON API and the review page on http://HOST:PORT/')
    .option(
      '--snapshot <id>',
      'snapshot id or label to show first (default: the newest classified one, else the newest)',
    )
    .option('--host <host>', 'interface to bind (only loopback unless you say otherwise)', '127.0.0.1')
    .option('--port <port>', 'TCP port (0 = any free port)', '8080')
    .option('--read-only', 'no writes: the review page cannot save decisions (always so off loopback)')
    .option('--json', 'print the address as JSON once listening')
    .action(async (opts: ServeOpts, cmd: Command) => {
      const { db } = cmd.optsWithGlobals<{ db: string }>();
      if (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65535)
        throw new UsageError(`--port: expected 0-65535, got "${opts.port}"`);
      // the server (Hono and its routes) is loaded by this command only, not at every CLI start
      const { startServer } = await import('../../server/index.js');
      const server = await startServer({
        dbPath: db,
        snapshot: opts.snapshot,
        host: opts.host,
        port: Number(opts.port),
        readOnly: !!opts.readOnly || !isLoopback(opts.host),
      });
      const ds = await server.source.get();
      if (!isLoopback(opts.host)) {
        process.stderr.write(
          `mscope serve: warning: listening on ${opts.host}: other machines on your network can read this dashboard (read-only: no decisions can be saved)\n`,
        );
      }
      if (ds.labelsNote) process.stderr.write(`mscope serve: warning: ${ds.labelsNote}\n`);
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ url: server.url, snapshotId: ds.snapshot.id, studies: ds.rows.length, rulesetVersion: ds.rulesetVersion })}\n`,
        );
      } else {
        process.stdout.write(
          `mscope dashboard: ${server.url}  (snapshot ${ds.snapshot.id}, ${ds.rows.length} studies, ` +
            `${ds.rulesetVersion ? `labels ${ds.rulesetVersion}` : 'no labels'}; Ctrl-C to stop)\n`,
        );
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
