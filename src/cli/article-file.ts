// Reads a local article file (HTML page or plain text) into the ScrapedArticle shape the pipeline stores.
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../../scrapers/article.ts';
import type { ScrapedArticle } from '../types.ts';
import { AppError } from '../errors.ts';

export interface ReadOptions {
  /** Parse a .txt header (title line, optional URL and date lines, blank line). */
  textHeader: boolean;
  url?: string;
}

export function readArticleFile(path: string, opts: ReadOptions): ScrapedArticle {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new AppError(`${path} is a folder: give the files in it, e.g. ${path.replace(/\/+$/, '')}/*.txt`, 1, 'io');
    throw new AppError(`cannot read ${path}: ${code ?? (err as Error).message}`, 1, 'io');
  }
  const fileUrl = pathToFileURL(resolve(path)).href;
  if (/^\.x?html?$/i.test(extname(path))) {
    const url = opts.url ?? fileUrl;
    const article = extractArticle(content, url);
    if (!article) throw new AppError(`no article text found in ${path}`, 1, 'parse');
    return { ...article, url: opts.url ?? article.canonicalUrl ?? url, raw: content, rawType: 'html' };
  }
  if (!opts.textHeader) return { url: opts.url ?? fileUrl, title: '', text: content, raw: content, rawType: 'text' };
  const header = parseTextHeader(content);
  // An empty file, or a title with nothing under it, is not an article (an HTML page with no text is refused too).
  if (!header.body.trim()) throw new AppError(`no article text found in ${path}: a .txt article is a title line, a blank line, then the body`, 1, 'parse');
  return {
    url: opts.url ?? header.url ?? fileUrl,
    title: header.title || basename(path, extname(path)),
    published: header.published,
    text: header.body,
    raw: content,
    rawType: 'text',
  };
}

/**
 * A text article: line 1 is the title; an http(s) URL line and a YYYY-MM-DD line may follow (either may be
 * blank) before the body, which starts after the first blank line that follows them.
 */
export function parseTextHeader(content: string): { title: string; url: string | null; published: string | null; body: string } {
  const lines = content.split('\n');
  const title = (lines[0] ?? '').trim();
  let url: string | null = null;
  let published: string | null = null;
  let i = 1;
  for (; i < Math.min(lines.length, 3); i++) {
    const line = lines[i]!.trim();
    if (/^https?:\/\/\S+$/.test(line)) url = line;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(line)) published = line;
    else if (line !== '') break;
  }
  while (i < lines.length && lines[i]!.trim() === '' && i < 4) i++;
  return { title, url, published, body: lines.slice(i).join('\n') };
}
