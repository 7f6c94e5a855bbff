// Every CLI command, in the order `stancewatch --help` lists them.
import type { Command } from '../command.ts';
import serve from './serve.ts';
import importFiles from './import.ts';
import extract from './extract.ts';
import reprocess from './reprocess.ts';
import article from './article.ts';
import crawl from './crawl.ts';
import sources from './sources.ts';
import backup from './backup.ts';
import trends from './trends.ts';

export const COMMANDS: Command[] = [serve, importFiles, extract, reprocess, article, crawl, sources, backup, trends];
