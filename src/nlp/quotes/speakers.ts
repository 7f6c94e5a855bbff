// Turns a speaker phrase into a speaker, using what the article has said so far: pronouns, surnames, roles, institutions.
import type { ArticlePeople, Person } from './people.ts';
import type { SpeakerRef } from './speaker-phrase.ts';

export interface Speaker {
  name: string | null;
  org: string | null;
  role: string | null;
  person: Person | null;
}

export class SpeakerState {
  private readonly history: Speaker[] = [];

  constructor(
    private readonly people: ArticlePeople,
    /** The organisation that "inspectors", "the report" or "the watchdog" speak for when the phrase names none. */
    private readonly institutionOrg: string | null,
  ) {}

  /** Resolves a phrase to a speaker; null when it cannot be tied to anyone (an unresolvable pronoun). */
  resolve(ref: SpeakerRef): Speaker | null {
    switch (ref.type) {
      case 'person': {
        const p = this.people.resolve(ref.mention)!;
        this.people.describe(p, ref.org, ref.role);
        return fromPerson(p);
      }
      case 'pronoun':
        return this.pronoun(ref.pronoun);
      case 'role': {
        const p = this.people.byRole(ref.org, ref.role);
        return p ? fromPerson(p) : { name: null, org: ref.org, role: ref.role, person: null };
      }
      case 'org':
        return { name: ref.org, org: ref.org, role: ref.role, person: null };
      case 'institution': {
        const org = ref.org ?? this.institutionOrg;
        return org ? { name: org, org, role: ref.noun, person: null } : null;
      }
    }
  }

  private pronoun(p: string): Speaker | null {
    const want = p === 'he' ? 'm' : p === 'she' ? 'f' : null;
    for (let i = this.history.length - 1; i >= 0; i--) {
      const s = this.history[i]!;
      if (want) {
        if (s.person && (s.person.gender === want || s.person.gender === null)) return s;
      } else if (p === 'they' || p === 'it') {
        if (!s.person) return s;
      } else return null;
    }
    if (!want) return null;
    const person = [...this.people.people].reverse().find((x) => x.gender === want);
    return person ? fromPerson(person) : null;
  }

  remember(s: Speaker): void {
    this.history.push(s);
  }

  last(): Speaker | null {
    return this.history.at(-1) ?? null;
  }
}

function fromPerson(p: Person): Speaker {
  return { name: p.name, org: p.org, role: p.role, person: p };
}
