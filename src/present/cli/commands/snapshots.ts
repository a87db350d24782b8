/** `mscope snapshots`: list the snapshots in the database (id, label, created, studies, sources). */
import type { Command } from 'commander';
import type { SnapshotInfo } from '../../../store/index.js';
import { withStore } from '../util/db.js';
import { textTable } from '../util/output.js';

function sourcesCell(s: SnapshotInfo): string {
  if (s.sources.length <= 2) return s.sources.join(', ');
  return `${s.sources.slice(0, 2).join(', ')} (+${s.sources.length - 2} more)`;
}

export function formatSnapshots(snaps: SnapshotInfo[]): string {
  if (snaps.length === 0) return 'no snapshots yet (run "mscope ingest <files>" or "mscope fetch")\n';
  return textTable(
    ['id', 'label', 'created', 'kind', 'studies', 'dups', 'base', 'sources'],
    snaps.map((s) => [
      String(s.id),
      s.label ?? '',
      s.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      s.kind,
      String(s.studyCount),
      String(s.duplicatesDropped),
      s.baseSnapshotId === null ? '' : String(s.baseSnapshotId),
      sourcesCell(s),
    ]),
  );
}

export function register(program: Command): void {
  program
    .command('snapshots')
    .description('list the snapshots in the database')
    .option('--json', 'print the snapshots as a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const snaps = await withStore(cmd, { readOnly: true }, (store) => store.listSnapshots());
      process.stdout.write(opts.json ? `${JSON.stringify(snaps, null, 2)}\n` : formatSnapshots(snaps));
    });
}
