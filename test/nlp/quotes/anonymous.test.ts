// Anonymous sources (optional in every gold set) are nobody: never the person they are close to, nor the last speaker.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes/index.ts';

const speakers = (text: string) => Object.fromEntries(extractQuotes({ title: '', text, published: '2025-06-01' }).map((q) => [q.text, q.speaker]));

describe('anonymous sources', () => {
  it.each([
    ['"He is furious about the leak," said a source close to the chief inspector.', 'He is furious about the leak,'],
    ['A senior figure close to Sir Martyn said: "Nobody expected this."', 'Nobody expected this.'],
    ['One director of children\'s services, who asked not to be named, said: "It was chaos."', 'It was chaos.'],
  ])('%s', (line, quote) => {
    const got = speakers(`Sir Martyn Oliver said the framework was fair.\n\n${line}`);
    expect(got['the framework was fair']).toBe('Sir Martyn Oliver');
    expect(got[quote] ?? null).toBeNull();
  });
});
