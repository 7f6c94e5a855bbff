// The data registries: every organisation and person fact validates and cites a public source.
import { describe, expect, it } from 'vitest';
import { registries, roleHeldOn } from '../../../src/nlp/registries.ts';

describe('registries', () => {
  const { organisations, people, orgByShort } = registries();

  it('lists the organisations the sector quotes', () => {
    for (const short of ['Ofsted', 'ADCS', 'LGA', 'BASW', 'SOLACE', 'DfE', 'ADASS', "Children's Commissioner", 'Social Work England', 'College of Social Work',
      'NAHT', 'NEU', 'ASCL', 'NASUWT', 'Unison', 'UCU', 'NSPCC', "Barnardo's", 'Action for Children', 'Parliament', 'LGSCO']) {
      expect(orgByShort.has(short), short).toBe(true);
    }
    expect(new Set(organisations.map((o) => o.slug)).size).toBe(organisations.length);
  });

  it('gives every role fact a source and a sane date range', () => {
    for (const p of people) for (const r of p.roles) {
      expect(r.source, p.name).toMatch(/^https:\/\//);
      if (r.from && r.to) expect(r.from <= r.to, `${p.name} ${r.role}`).toBe(true);
    }
  });

  it('answers who held a post on a day', () => {
    const holders = (org: string, role: string, day: string) =>
      people.filter((p) => p.roles.some((r) => r.org === org && r.role === role && roleHeldOn(r, day))).map((p) => p.name);
    expect(holders('Ofsted', 'chief inspector', '2014-01-24')).toEqual(['Sir Michael Wilshaw']);
    expect(holders('Ofsted', 'chief inspector', '2019-06-01')).toEqual(['Amanda Spielman']);
    expect(holders('ADCS', 'president', '2015-03-10')).toEqual(['Alan Wood']);
  });

  it('gives no two people one post on the same day (joint posts excepted)', () => {
    const facts = people.flatMap((p) => p.roles.filter((r) => !r.role.startsWith('joint ')).map((r) => ({ ...r, name: p.name })));
    for (const a of facts) for (const b of facts) {
      if (a.name >= b.name || a.org !== b.org || a.role !== b.role) continue;
      const overlap = (a.from ?? '') < (b.to ?? '9999') && (b.from ?? '') < (a.to ?? '9999');
      expect(overlap, `${a.name} and ${b.name}: ${a.org} ${a.role}`).toBe(false);
    }
  });

  it('maps every alias to one organisation', () => {
    const owner = new Map<string, string>();
    for (const o of organisations) for (const a of [o.short, o.name, ...o.aliases]) {
      expect(owner.get(a) ?? o.short, a).toBe(o.short);
      owner.set(a, o.short);
    }
  });
});

