// The CLI as a user runs it: a real process through the package's bin.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'stancewatch.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

describe('stancewatch CLI', () => {
  it('--help lists the commands and the settings, exit 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['serve', 'import', 'extract', 'reprocess']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    expect(r.stdout).toContain('STANCEWATCH_DB');
  });

  it('<command> --help lists that command\'s options', () => {
    const r = run(['import', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--published DATE');
    expect(r.stdout).toContain('--source ID');
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['import', '--bogus', 'x.txt'], /Unknown option '--bogus'/],
    [['extract'], /expected exactly one FILE/],
    [['import', '--published', 'soon', 'x.txt'], /--published is not a date/],
  ])('%j is a usage error: message, usage, exit 2', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage: stancewatch');
  });

  it('a bad setting is reported with its variable name, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-cli-'));
    writeFileSync(join(dir, 'a.txt'), 'Title\n\nBody.');
    const r = run(['import', join(dir, 'a.txt')], { PORT: 'not-a-port', STANCEWATCH_DB: join(dir, 'x.db') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT');
  });

  it('extract on a missing file gives a clear message and exit 1', () => {
    const r = run(['extract', '--json', '/nonexistent/article.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read \/nonexistent\/article\.txt: ENOENT/);
  });

  it('extract --json prints the quotes contract with offsets into the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-cli-'));
    const body = 'Inspections are changing.\n\n"The new framework is fair and rigorous," said Jane Holloway, president of the ADCS.';
    writeFileSync(join(dir, 'a.txt'), body);
    const r = run(['extract', '--json', join(dir, 'a.txt')]);
    expect(r.status).toBe(0);
    const { quotes } = JSON.parse(r.stdout);
    expect(quotes.length).toBeGreaterThan(0);
    const q = quotes[0];
    expect(Object.keys(q)).toEqual(expect.arrayContaining(['text', 'kind', 'speaker', 'speaker_org', 'speaker_role', 'stance', 'start', 'end']));
    expect(q.speaker).toBe('Jane Holloway');
    expect(body.slice(q.start, q.end)).toContain('The new framework is fair and rigorous');
    expect(['supports', 'opposes', 'mixed', 'neutral', 'unrelated']).toContain(q.stance);
  });

  it('import stores good files, reports a missing one and a repeat, and keeps what it stored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-cli-'));
    const db = join(dir, 'x.db');
    const body = (n: number) => `Report ${n}\n\n\n\n"Inspection number ${n} was fair," said Jane Holloway, president of the ADCS.`;
    for (const n of [1, 2]) writeFileSync(join(dir, `a${n}.txt`), body(n));
    writeFileSync(join(dir, 'copy.txt'), body(1));
    const r = run(['import', join(dir, 'a1.txt'), join(dir, 'missing.txt'), join(dir, 'a2.txt'), join(dir, 'copy.txt')], { STANCEWATCH_DB: db });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/4 file\(s\): 2 new, 0 updated, 0 unchanged, 1 duplicate, 1 failed/);
    expect(r.stderr).toContain('missing.txt');
    const again = run(['import', join(dir, 'a2.txt')], { STANCEWATCH_DB: db });
    expect(again.stdout).toMatch(/1 file\(s\): 0 new, 0 updated, 1 unchanged/);
  });
});
