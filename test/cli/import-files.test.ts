// What `stancewatch import` says about files that are not articles: a folder, an empty file, a title alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../src/cli/article-file.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-import-files-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'title-only.txt'), 'A headline\nhttps://example.org/a\n2016-07-21\n\n\n');
  writeFileSync(join(dir, 'ok.txt'), 'A headline\n\n"It works," she said.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => () => readArticleFile(join(dir, name), { textHeader: true });

describe('readArticleFile for import', () => {
  it('says a folder is a folder and how to pass its files', () => {
    expect(read('articles')).toThrow(`${join(dir, 'articles')} is a folder: give the files in it, e.g. ${join(dir, 'articles')}/*.txt`);
  });

  it.each(['empty.txt', 'title-only.txt'])('refuses %s, which has no body', (name) => {
    expect(read(name)).toThrow(/^no article text found in .*: a \.txt article is a title line, a blank line, then the body$/);
  });

  it('still reads a title and a body', () => {
    expect(read('ok.txt')()).toMatchObject({ title: 'A headline', text: '"It works," she said.\n' });
  });
});
