// Group speakers: "Local authorities say …", "Council leaders warned …", "Directors' leader says …", "the heads' union".
// A group speaks through the body that represents it when the article names that body (the annotators' convention:
// "Local authorities say" is the LGA); otherwise the group itself is the speaker ("directors").
import { registries } from '../registries.ts';

export interface GroupPhrase {
  /** The group as written, lower-case, without quantifiers: "local authorities", "council leaders". */
  noun: string;
  /** The phrase names the group's leader ("Directors' leader", "the leader of the heads' union"), not the group. */
  leader: boolean;
}

/** Plural heads of nouns for groups of sector voices; children and families are reported through others, not as sources. */
const GROUP_HEADS = new Set([
  'councils', 'authorities', 'leaders', 'directors', 'chiefs', 'executives', 'heads', 'headteachers', 'teachers', 'workers',
  'providers', 'charities', 'campaigners', 'critics', 'experts', 'unions', 'carers', 'managers',
  'officials', 'academics', 'researchers', 'practitioners', 'professionals', 'bosses', 'councillors', 'governors',
  'commissioners', 'fosterers', 'halls', 'dcss', 'educators',
]);
const QUANTIFIER = /^(?:the|many|some|most|several|other|all|both|few|a few|senior|a number of|a group of|hundreds of|dozens of|thousands of|more than|over|almost|nearly|around|about|[\d,]+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|[a-z]+'s)\s+/;
const POSSESSIVE_GROUP = /(?:^|\s)((?:[a-z’'-]+\s){0,2}[a-z-]+s)['’]\s+(union|association|body|organisation|group|leader|leaders|chief|boss|president|representative)\b/;
const LEADER_WORD = /\b(?:leader|head|chief|boss|president|general secretary|chair|chairman|chairwoman)\b/;

/** The group a phrase names, or null. `t` is the trimmed phrase; names and bodies in it have been ruled out by the caller. */
export function readGroup(t: string): GroupPhrase | null {
  const lower = t.toLowerCase().replace(/’/g, "'");
  const owned = POSSESSIVE_GROUP.exec(lower);
  if (owned) {
    const noun = stripQuantifiers(owned[1]!);
    const leader = /^(?:leader|leaders|chief|boss|president)$/.test(owned[2]!) || LEADER_WORD.test(lower.slice(0, owned.index));
    return GROUP_HEADS.has(noun.split(' ').at(-1)!) ? { noun, leader } : null;
  }
  const noun = stripQuantifiers(lower);
  if (!/^[a-z][a-z' -]*$/.test(noun) || noun.split(' ').length > 6) return null;
  // "directors of children's services": the head is before "of".
  const head = noun.split(' of ')[0]!;
  return GROUP_HEADS.has(head.split(' ').at(-1)!) && head.split(' ').length <= 4 ? { noun, leader: false } : null;
}

function stripQuantifiers(s: string): string {
  let t = s.trim();
  for (let m = QUANTIFIER.exec(t); m; m = QUANTIFIER.exec(t)) t = t.slice(m[0].length);
  return t;
}

/** True when `org` speaks for the group `noun` ("council leaders" ends with the LGA's "council leaders"; "county councils"). */
export function representsGroup(org: string, noun: string): boolean {
  const members = registries().orgByShort.get(org)?.members;
  if (!members) return false;
  const n = noun.replace(/’/g, "'");
  return members.some((m) => {
    const k = m.toLowerCase().replace(/’/g, "'");
    return n === k || n.endsWith(` ${k}`);
  });
}
