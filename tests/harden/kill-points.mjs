#!/usr/bin/env node
/**
 * Kill points (issue 16): runs ingest, classify and report against one database and kills each with SIGKILL at a
 * random moment, N times; after every kill the database must open, and every snapshot and label set in it must be
 * complete (snapshot study_count = its rows; label_count = its labels). Prints the counts as JSON.
 * Usage: node tests/harden/kill-points.mjs [N=30] [seed=20261206]   (needs `npm run build`; takes minutes)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'mscope.js');
const N = Number(process.argv[2] ?? 30);
let seed = Number(process.argv[3] ?? 20261206);
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

const dir = mkdtempSync(join(tmpdir(), 'mscope-kill-'));
const db = join(dir, 'k.duckdb');
const input = join(dir, 'studies.ndjson');
const lines = [];
for (let i = 0; i < 4000; i++) {
  const nct = `NCT${String(70_000_000 + i).padStart(8, '0')}`;
  const text = 'mesenchymal stromal cells injected intravenously in knee osteoarthritis '.repeat(20);
  lines.push(
    JSON.stringify({
      protocolSection: {
        identificationModule: { nctId: nct, briefTitle: `Umbilical cord MSC study ${i}` },
        statusModule: { overallStatus: 'RECRUITING', lastUpdatePostDateStruct: { date: '2022-03-01' } },
        descriptionModule: { briefSummary: text },
        designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE1'] },
      },
    }),
  );
}
writeFileSync(input, `${lines.join('\n')}\n`);

const cli = (args) => spawnSync(process.execPath, [CLI, '--db', db, ...args], { encoding: 'utf8' });
const first = cli(['ingest', input]);
if (first.status !== 0) throw new Error(first.stderr);

/** Opens the database and checks every snapshot and label set is complete; returns an error text or null. */
function check() {
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { openStore } from ${JSON.stringify(join(dirname(CLI), '..', 'dist', 'store', 'index.js'))};
       const s = await openStore(${JSON.stringify(db)}, { readOnly: true });
       const q = async (sql) => (await s.connection().runAndReadAll(sql)).getRows();
       const bad = [
         ...(await q('SELECT id FROM snapshots s WHERE study_count <> (SELECT count(*) FROM studies t WHERE t.snapshot_id = s.id)')),
         ...(await q('SELECT snapshot_id FROM label_sets l WHERE label_count <> (SELECT count(*) FROM labels x WHERE x.snapshot_id = l.snapshot_id AND x.ruleset_version = l.ruleset_version)')),
       ];
       const orphans = await q('SELECT count(*) FROM studies WHERE snapshot_id NOT IN (SELECT id FROM snapshots)');
       await s.close();
       if (bad.length || Number(orphans[0][0])) { console.log('inconsistent', JSON.stringify(bad), String(orphans[0][0])); process.exit(1); }`,
    ],
    { encoding: 'utf8' },
  );
  return r.status === 0 ? null : `${r.stdout}${r.stderr}`.trim();
}

const commands = [['ingest', input], ['classify'], ['report', '--out', join(dir, 'report')]];
const result = { kills: 0, survived: 0, finishedBeforeKill: 0, failures: [] };
for (let k = 0; k < N; k++) {
  const args = commands[k % commands.length];
  const delay = 300 + Math.floor(random() * 6000);
  const child = spawn(process.execPath, [CLI, '--db', db, ...args], { stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', (code, sig) => r({ code, sig })));
  const timer = setTimeout(() => child.kill('SIGKILL'), delay);
  const { sig } = await exited;
  clearTimeout(timer);
  if (sig === 'SIGKILL') result.kills++;
  else result.finishedBeforeKill++;
  const problem = check();
  if (problem === null) result.survived++;
  else result.failures.push(`${args[0]} killed after ${delay} ms: ${problem}`);
}
process.stdout.write(`${JSON.stringify({ command: 'kill-points', n: N, ...result })}\n`);
rmSync(dir, { recursive: true, force: true });
process.exitCode = result.failures.length ? 1 : 0;
