// Runs `node bin/stancewatch.js serve` as a real child process on 127.0.0.1 and a random port, for tests that need
// a server they can load, kill or signal. The URL comes from the server's own "listening" log line.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'stancewatch.js');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr so far. */
  log(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

/** An empty source registry next to the database, so a test server never crawls anything real. */
export function emptySources(dir: string): string {
  const path = join(dir, 'sources.json');
  writeFileSync(path, '{"sources": []}\n');
  return path;
}

export function startServer(opts: { db: string; sources: string; env?: Record<string, string>; args?: string[]; timeoutMs?: number }): Promise<ServerProcess> {
  // HOST is left out unless a test sets it: the default binding is one of the things under test.
  const { HOST: _host, PORT: _port, ...inherited } = process.env;
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', opts.db, '--sources', opts.sources, ...(opts.args ?? [])], {
    env: { ...inherited, STANCEWATCH_SCHEDULER: 'false', STANCEWATCH_LOG_LEVEL: 'info', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start:\n${stderr}`)); }, opts.timeoutMs ?? 30_000);
    const onData = (d: Buffer) => {
      stderr += d;
      const m = /listening url=(http:\/\/\S+?)\/?(\s|$)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, log: () => stderr, exited, kill: (signal = 'SIGTERM') => (child.kill(signal), exited) });
      }
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', (d) => (stderr += d));
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before listening:\n${stderr}`)); });
  });
}
