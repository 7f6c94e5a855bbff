// `stancewatch article --json FILE.html`: the main text and metadata extracted from one saved page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../../../scrapers/article.ts';
import { AppError } from '../../errors.ts';
import { stringOption, UsageError, type Command } from '../command.ts';

const command: Command = {
  name: 'article',
  summary: 'print the title, date, byline and main text extracted from one saved HTML page',
  args: 'FILE.html',
  options: [
    { name: 'json', type: 'boolean', help: 'print JSON {title, published, byline, text, partial} (the default and only format)' },
    { name: 'url', type: 'string', value: 'URL', help: 'the address the page was saved from (resolves relative links)' },
  ],
  async run(ctx) {
    const [file, ...extra] = ctx.positionals;
    if (!file || extra.length) throw new UsageError('expected exactly one FILE.html');
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch (err) {
      throw new AppError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 1, 'io');
    }
    const article = extractArticle(html, stringOption(ctx.options, 'url') ?? pathToFileURL(resolve(file)).href);
    if (!article) throw new AppError(`no article found in ${file}`, 1, 'parse');
    const { title, published = null, byline = null, text, partial = false } = article;
    ctx.out(JSON.stringify({ title, published, byline, text, partial }, null, 2));
    return 0;
  },
};

export default command;
