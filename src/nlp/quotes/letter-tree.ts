// A tree of words over the letters a–z: a scanner walks it one character at a time along a run of letters, so a word
// that is not in the set costs no substring, no lower-cased copy and no map look-up.

export interface LetterNode<T> {
  next: Array<LetterNode<T> | undefined>;
  value: T | undefined;
}

const node = <T>(): LetterNode<T> => ({ next: new Array(26), value: undefined });

/** The tree of `entries`' words (lower-case a–z only; callers filter), each ending at a node holding its value. */
export function buildLetterTree<T>(entries: Iterable<readonly [string, T]>): LetterNode<T> {
  const root = node<T>();
  for (const [word, value] of entries) {
    let at = root;
    for (let k = 0; k < word.length; k++) at = at.next[word.charCodeAt(k) - 97] ??= node<T>();
    at.value = value;
  }
  return root;
}
