/**
 * `startServer`: load a snapshot into memory and serve the dashboard (API + front-end) on host:port.
 * Binds 127.0.0.1 unless told otherwise; node's own limits bound header size and request time. Reviewer decisions
 * can be written through the decisions API (a per-server random token embedded in the page) unless `readOnly`.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { MscopeError } from '../../model/errors.js';
import { createApp } from './app.js';
import { loadAssets } from './assets.js';
import { createDatasetSource, type DatasetSource } from './datasets.js';
import { isLoopback } from './security.js';
import { newToken } from './writes.js';

export { createApp } from './app.js';
export type { AppOptions } from './app.js';
export { createDatasetSource, createDatasetSourceFrom } from './datasets.js';
export type { DatasetSource } from './datasets.js';
export type { StudyRow, Dataset } from './dataset.js';
export { loadAssets } from './assets.js';

export interface ServeOptions {
  dbPath: string;
  /** Snapshot id or label; the latest when omitted. */
  snapshot?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Folder of the built front-end (default dist/web). */
  webDir?: string;
  /** No writes at all (no token in the page; the decisions API answers 405). */
  readOnly?: boolean;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  source: DatasetSource;
  /** The write token embedded in the page (null: read-only). */
  writeToken: string | null;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const source = await createDatasetSource(opts.dbPath, opts.snapshot, 2, { writable: !opts.readOnly });
  const writeToken = opts.readOnly ? null : newToken();
  const app = createApp({
    source,
    assets: loadAssets(opts.webDir),
    loopbackOnly: isLoopback(host),
    writeToken,
  });
  const server = createAdaptorServer({
    fetch: app.fetch,
    createServer,
    serverOptions: {
      maxHeaderSize: 16 * 1024,
      requestTimeout: 30_000,
      headersTimeout: 10_000,
      keepAliveTimeout: 5_000,
    },
  }) as Server;
  server.setTimeout(120_000);
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) =>
      reject(
        new MscopeError(`cannot listen on ${host}:${opts.port ?? 8080}: ${err.code ?? err.message}`, 1, {
          cause: err,
        }),
      );
    server.once('error', onError);
    server.listen(opts.port ?? 8080, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}/`,
    host: addr.address,
    port: addr.port,
    source,
    writeToken,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
