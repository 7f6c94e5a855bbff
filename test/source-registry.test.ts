import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourceRegistry, parseSourceRegistry } from '../src/source-registry.ts';

const entry = { id: 'x', name: 'X', organisation: 'X', kind: 'feed', urls: ['https://x.example/feed/'], schedule: '0 * * * *' };

describe('source registry', () => {
  it('ships the eleven real sources, valid', () => {
    const sources = loadSourceRegistry(new URL('../data/sources.json', import.meta.url).pathname);
    const orgs = new Set(sources.map((s) => s.organisation));
    for (const org of ['Ofsted', 'ADCS', 'LGA', 'BASW', 'SOLACE', 'Community Care', 'CYP Now', 'The MJ', 'LocalGov', 'LGC', 'The Guardian']) expect(orgs).toContain(org);
    expect(new Set(sources.map((s) => s.kind))).toEqual(new Set(['govuk', 'wordpress', 'feed', 'html-listing', 'guardian']));
  });

  it('fills defaults per kind', () => {
    const [feed, wp] = parseSourceRegistry({ sources: [entry, { ...entry, id: 'y', kind: 'wordpress', urls: ['https://y.example'] }] });
    expect(feed).toMatchObject({ enabled: true, maxPages: 5, options: { fetchPages: 'auto' } });
    expect(wp).toMatchObject({ options: { perPage: 20, feedFallback: true } });
  });

  it.each([
    [{ ...entry, urls: ['ftp://x'] }, /source "x": field "urls.0": must be an absolute http\(s\) URL/],
    [{ ...entry, schedule: 'hourly' }, /source "x": field "schedule": must be a cron expression/],
    [{ ...entry, kind: 'gopher' }, /source "x": field "kind"/],
    [{ ...entry, kind: 'html-listing', options: {} }, /source "x": field "options.selectors"/],
    [{ ...entry, id: 'Bad Id' }, /source "Bad Id": field "id"/],
    [{ ...entry, colour: 'red' }, /source "x": .*colour/],
    [{ name: 'no kind' }, /source #1: field "kind"/],
  ])('names the bad entry and field: %j', (bad, message) => {
    expect(() => parseSourceRegistry({ sources: [bad] })).toThrow(message);
  });

  it('rejects duplicate ids and unreadable files', () => {
    expect(() => parseSourceRegistry({ sources: [entry, entry] })).toThrow(/source "x": field "id": duplicate id/);
    const dir = mkdtempSync(join(tmpdir(), 'sw-reg-'));
    try {
      writeFileSync(join(dir, 'bad.json'), '{ not json');
      expect(() => loadSourceRegistry(join(dir, 'bad.json'))).toThrow(/not valid JSON/);
      expect(() => loadSourceRegistry(join(dir, 'missing.json'))).toThrow(/cannot read source registry .*ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
