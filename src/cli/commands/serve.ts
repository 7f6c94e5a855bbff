// `stancewatch serve` (what `npm start` runs): the web server plus the crawl scheduler, stopped cleanly on SIGTERM.
import type { AddressInfo } from 'node:net';
import type { Command } from '../command.ts';

const command: Command = {
  name: 'serve',
  summary: 'start the web server and the crawl scheduler (what `npm start` runs)',
  options: [
    { name: 'port', type: 'string', value: 'PORT', help: 'TCP port', setting: 'port' },
    { name: 'host', type: 'string', value: 'HOST', help: 'address to bind (default 127.0.0.1)', setting: 'host' },
    { name: 'db', type: 'string', value: 'FILE', help: 'database file', setting: 'dbPath' },
    { name: 'sources', type: 'string', value: 'FILE', help: 'source registry file', setting: 'sourcesPath' },
  ],
  async run(ctx) {
    // Loaded here rather than at the top so that other commands (extract, import) never load the web stack.
    const [{ serve: serveHttp }, { openDatabase }, { syncRegistries }, { upsertSource }, { loadSourceRegistry }, { startScheduler }, { createApp }] =
      await Promise.all([
        import('@hono/node-server'),
        import('../../db/connection.ts'),
        import('../../db/people.ts'),
        import('../../db/sources.ts'),
        import('../../source-registry.ts'),
        import('../../pipeline/scheduler.ts'),
        import('../../../web/app.tsx'),
      ]);
    const config = ctx.config();
    const log = ctx.log;
    const sources = loadSourceRegistry(config.sourcesPath);
    const db = openDatabase(config.dbPath);
    syncRegistries(db);
    for (const s of sources) upsertSource(db, { id: s.id, name: s.name, kind: s.kind, organisation: s.organisation, enabled: s.enabled });
    const scheduler = config.scheduler ? startScheduler({ db, config, log }, sources) : null;
    const app = createApp({ db, config, log, crawlNow: scheduler?.crawlNow });

    return await new Promise<number>((resolve) => {
      // Time limits on receiving a request, so slow or stalled clients cannot hold connections open (responses may stream longer).
      const serverOptions = { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 };
      const server = serveHttp({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions }, (info: AddressInfo) => {
        log.info('listening', { url: `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}/`, db: config.dbPath });
      });
      server.on('error', async (err) => {
        log.error('cannot start the web server', { error: err });
        await scheduler?.stop();
        db.close();
        resolve(1);
      });
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info('stopping', { signal });
        server.close();
        await scheduler?.stop(); // waits for the article being stored
        db.close();
        resolve(0);
      };
      process.once('SIGTERM', () => void stop('SIGTERM'));
      process.once('SIGINT', () => void stop('SIGINT'));
    });
  },
};

export default command;
