// The people of one article: every form of a name is one person; roles come from appositives or the people registry (by date).
import { registries, roleHeldOn, type RegistryPerson, type RoleFact } from '../registries.ts';
import { genderOf, type NameMention } from './names.ts';

export interface Person {
  /** Full name as first given in the article. */
  name: string;
  title: string | null;
  given: string | null;
  surname: string;
  gender: 'm' | 'f' | null;
  org: string | null;
  role: string | null;
  registry: RegistryPerson | null;
  /** Body offsets where the article names them, in the order found. */
  mentions: number[];
}

const norm = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
const TITLE_WORDS = /^(?:sir|dame|lord|lady|baroness|baron|cllr|councillor|professor|prof|dr|mr|mrs|ms|miss|rev|revd)\s+/i;
const sameTitle = (a: string, b: string) => a.slice(0, 4).toLowerCase() === b.slice(0, 4).toLowerCase();

export class ArticlePeople {
  readonly people: Person[] = [];
  /** Offsets of lines that end the story ("Related", "Subscribe"): a post's holder is not guessed from beyond them. */
  furniture: number[] = [];
  /** True when the name at this offset comes with an identity of its own ("Julia Waters, Ruth Perry's sister,", "Perry's"). */
  ownIdentity: (at: number) => boolean = () => false;

  constructor(private readonly date: string | null) {}

  /** The person a mention refers to, creating them when the mention is a full name or a title plus surname. */
  resolve(m: NameMention, create = true): Person | null {
    const found = this.match(m);
    if (found) {
      if (m.end > 0) found.mentions.push(m.start);
      if (!found.given && m.given) {
        Object.assign(found, { given: m.given, gender: found.gender ?? genderOf(m.title, m.given) });
        keyCache.delete(found);
      }
      return found;
    }
    if (!create) return null;
    const p: Person = { name: m.name, title: m.title, given: m.given, surname: m.surname, gender: genderOf(m.title, m.given), org: null, role: null, registry: null, mentions: m.end > 0 ? [m.start] : [] };
    p.registry = findRegistryPerson(p) ?? null;
    if (p.registry?.gender && !p.gender) p.gender = p.registry.gender;
    this.applyRegistry(p);
    this.people.push(p);
    return p;
  }

  /**
   * A lone name ("Wilshaw", "Sarah"): someone the article named in full, a registry alias, or a common given name
   * (case studies are often first-named); anything else ("Campaigners") is not taken for a person.
   */
  resolveBare(m: NameMention): Person | null {
    const known = this.match(m);
    if (known) return known;
    const reg = registryByName(m.surname);
    if (reg) {
      const parts = reg.name.replace(TITLE_WORDS, '').split(' ');
      const title = TITLE_WORDS.exec(reg.name)?.[0].trim() ?? null;
      return this.resolve({ ...m, name: reg.name, title, given: parts[0]!, surname: parts.at(-1)! });
    }
    // "Mark said this morning": the one person the article named in full with that given name.
    const given = norm(m.surname);
    const byGiven = this.people.filter((p) => keysOf(p).given === given);
    if (byGiven.length === 1) return byGiven[0]!;
    return registries().givenNames.has(m.surname.toLowerCase()) ? this.resolve({ ...m, given: m.surname }) : null;
  }

  private match(m: NameMention): Person | null {
    if (!this.people.length) return null;
    const full = norm(m.name.replace(TITLE_WORDS, ''));
    const sur = norm(m.surname);
    const given = m.given ? norm(m.given) : null;
    let exact: Person | null = null;
    let cands: Person[] = [];
    for (const p of this.people) {
      const k = keysOf(p);
      if (given && k.full === full) exact = p;
      if (k.surname === sur && (!given || !k.given || k.given === given)) cands.push(p);
    }
    if (exact) return exact;
    if (m.title && !given) {
      // "Sir Michael" names a knight by given name; "Prof Jones" a professor by surname.
      const byGiven = this.people.filter((p) => keysOf(p).given === sur && p.title && sameTitle(p.title, m.title!));
      if (byGiven.length) return byGiven.at(-1)!;
      const titled = cands.filter((p) => (p.title && sameTitle(p.title, m.title!)) || (p.role && p.role.toLowerCase().includes(m.title!.toLowerCase().slice(0, 4))));
      if (titled.length) cands = titled;
    }
    return cands.length > 1 ? nearestBefore(cands, m.start) : cands[0] ?? null;
  }

  /** Records what an appositive says about a person (the article's own words win over the registry). */
  describe(p: Person, org: string | null, role: string | null): void {
    if (org) p.org = org;
    if (role && (!p.registry || !this.registryRoleAt(p, org ?? p.org))) p.role = role;
    this.applyRegistry(p);
  }

  /**
   * Who a role with no name means ("the ADCS president said", at body offset `at`): the article's own person with that role
   * (nearest mention); else a person the article names whom the registry gives that role around the article's date;
   * else the next person the article introduces, when nothing ties them elsewhere ("The president of X has called for …
   * Speaking at the conference, Jane Smith …"); else the registry's holder on the date.
   */
  byRole(org: string | null, role: string | null, at = -1): Person | null {
    const fits = (p: Person) => (!org || p.org === org) && (!role || (p.role !== null && sameRole(p.role, role)) || (!org && titleRole(p) === role));
    const local = this.people.filter(fits);
    if (local.length) {
      const p = nearest(local, at);
      // "says new Ofsted director" then "Ofsted's new national director for social care says": the fuller title.
      if (role && p.role && !p.registry && roleWords(role).length > roleWords(p.role).length) p.role = role;
      return p;
    }
    const heldNear = this.people.filter((p) => p.registry?.roles.some((f) => (!org || f.org === org) && (!role || sameRole(f.role, role)) && roleHeldNear(f, this.date)));
    if (heldNear.length) return this.assign(nearest(heldNear, at), org, role);
    // Without a body, a post ("the director") is too common a word to look up in the registry.
    const onDate = org ? registries().people.find((rp) => rp.roles.some((f) => f.org === org && (!role || sameRole(f.role, role)) && roleHeldOn(f, this.date) && this.date)) : undefined;
    const next = at >= 0 && org ? this.introducedAfter(at, org) : null;
    if (next) return this.assign(next, org, role);
    if (!onDate) return null;
    const [first, ...rest] = onDate.name.split(' ');
    const titled = TITLE_WORDS.test(onDate.name);
    return this.resolve({ start: 0, end: 0, name: onDate.name, title: titled ? first! : null, given: titled ? rest[0]! : first!, surname: onDate.name.split(' ').at(-1)!, possessive: false });
  }

  /**
   * "A council chief executive has accused Ofsted …" in a lead or standfirst: the first person named after `at`, before the
   * story ends, whose post fits ("Mark Ellery, chief executive of Ravenscar Council"); null when the story never names one.
   */
  namedLater(role: string, at: number): Person | null {
    const first = (p: Person) => Math.min(...p.mentions.filter((x) => x > at), Infinity);
    const limit = Math.min(at + 1500, this.furniture.find((x) => x > at) ?? Infinity);
    const post = role.replace(/^(?:senior|local|council|local authority)\s+/, '');
    const held = (p: Person) => p.role ?? titleRole(p);
    const cands = this.people.filter((p) => held(p) !== null && sameRole(held(p)!, post) && first(p) < limit && Math.min(...p.mentions) > at);
    return cands.sort((a, b) => first(a) - first(b))[0] ?? null;
  }

  /** The first person named after `at` (within a few paragraphs) who is free to hold a post at `org`. */
  private introducedAfter(at: number, org: string): Person | null {
    const first = (p: Person) => Math.min(...p.mentions.filter((x) => x > at), Infinity);
    // A guess needs a real name: a title or a known given name ("Finance Settlement" in a teaser is not anyone).
    const named = (p: Person) => p.title !== null || (p.given !== null && registries().givenNames.has(p.given.toLowerCase()));
    // A councillor holds posts at councils and their associations, never at an inspectorate, union or charity; a professor
    // speaks for a university or a research body, not for an inspectorate, a department or a sector body.
    const kind = registries().orgByShort.get(org)?.kind;
    const eligible = (p: Person) => !kind || (/^(?:cllr|councillor)$/i.test(p.title ?? '') ? kind === 'local government body' || kind === 'parliament' : !/^(?:prof|professor)$/i.test(p.title ?? '') || !NOT_ACADEMIC.has(kind));
    const free = (p: Person) => !p.org && !p.role && !p.registry && named(p) && eligible(p) && Math.min(...p.mentions) > at && !this.ownIdentity(first(p));
    const limit = Math.min(at + 600, this.furniture.find((x) => x > at) ?? Infinity);
    const cands = this.people.filter((p) => free(p) && first(p) < limit).sort((a, b) => first(a) - first(b));
    return cands[0] ?? null;
  }

  private assign(p: Person, org: string | null, role: string | null): Person {
    if (org && !p.org) p.org = org;
    if (role && !p.role) p.role = role;
    return p;
  }

  private registryRoleAt(p: Person, org: string | null) {
    if (!p.registry) return null;
    const mine = p.registry.roles.filter((f) => !org || f.org === org);
    const onDate = mine.filter((f) => roleHeldOn(f, this.date));
    const facts = onDate.length ? onDate : mine.filter((f) => roleHeldNear(f, this.date));
    return facts.length === 1 || (facts.length && org) ? facts[0]! : null;
  }

  private applyRegistry(p: Person): void {
    const fact = this.registryRoleAt(p, p.org);
    if (!fact) return;
    p.org ??= fact.org;
    if (p.org === fact.org) p.role = fact.role;
  }
}

const NOT_ACADEMIC = new Set(['inspectorate', 'regulator', 'government department', 'union', 'professional body', 'local government body', 'parliament']);

/** "the judge said" after "Mr Justice Keehan": a title that is itself the post. */
const TITLE_POST: Record<string, string> = { justice: 'judge', judge: 'judge', professor: 'professor', prof: 'professor', cllr: 'councillor', councillor: 'councillor' };
// "Mr Justice Keehan", "Lady Justice King": a judge's style, whose middle word is read as a given name.
const titleRole = (p: Person) => (p.given === 'Justice' ? 'judge' : p.title ? TITLE_POST[p.title.toLowerCase()] ?? null : null);

/** Of namesakes, the one named most recently before `at` ("Abbott said" after Martin Abbott, though Claire Abbott comes later); else the first named after. */
function nearestBefore(cands: Person[], at: number): Person {
  let best: Person | null = null, bestAt = -1;
  for (const p of cands) for (const x of p.mentions) if (x < at && x > bestAt) [best, bestAt] = [p, x];
  if (best) return best;
  const first = (p: Person) => Math.min(...p.mentions, Infinity);
  return [...cands].sort((a, b) => first(a) - first(b))[0]!;
}

/** Of several people, the one named nearest to `at` (the latest when there is no position). */
function nearest(people: Person[], at: number): Person {
  if (at < 0) return people.at(-1)!;
  const dist = (p: Person) => Math.min(...p.mentions.map((x) => Math.abs(x - at)), Infinity);
  return [...people].sort((a, b) => dist(a) - dist(b))[0]!;
}

/** A role fact held within a year of the day: incoming and outgoing office-holders are quoted around their terms. */
function roleHeldNear(fact: RoleFact, day: string | null): boolean {
  if (!day || roleHeldOn(fact, day)) return true;
  const shift = (d: string, years: number) => `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;
  return (!fact.from || shift(fact.from, -1) <= day) && (!fact.to || day <= shift(fact.to, 1));
}

const ROLE_STOP = new Set(['of', 'the', 'and', 'for', 'at', 'in', 's', 'a', 'an']);
const roleWords = (r: string) => norm(r).replace(/chair(?:man|woman|person)?/g, 'chair').split(/[^a-z]+/).filter((w) => w && !ROLE_STOP.has(w));

/** One job title contains the other's words ("chair of the children and young people board" ~ "chairman, children and young people board"). */
function sameRole(a: string, b: string): boolean {
  const [x, y] = [roleWords(a), roleWords(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && short.every((w) => long.includes(w));
}

const keyCache = new WeakMap<Person, { full: string; surname: string; given: string | null }>();

/** Comparable forms of a person's name (dropped from the cache when the name parts change). */
function keysOf(p: Person) {
  const hit = keyCache.get(p);
  if (hit) return hit;
  const keys = { full: norm(p.name.replace(TITLE_WORDS, '')), surname: norm(p.surname), given: p.given ? norm(p.given) : null };
  keyCache.set(p, keys);
  return keys;
}

let registryIndex: Map<string, RegistryPerson> | null = null;

function registryByName(name: string): RegistryPerson | undefined {
  if (!registryIndex) {
    registryIndex = new Map();
    for (const rp of registries().people) for (const n of [rp.name, ...rp.aliases]) registryIndex.set(norm(n.replace(TITLE_WORDS, '')), rp);
  }
  return registryIndex.get(norm(name));
}

function findRegistryPerson(p: Person): RegistryPerson | undefined {
  return p.given ? registryByName(p.name.replace(TITLE_WORDS, '')) ?? registryByName(`${p.given} ${p.surname}`) : undefined;
}
