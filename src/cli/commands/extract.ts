// `stancewatch extract --json FILE`: the evaluation contract. Prints the quotes found in one article file.
import { readArticleFile } from '../article-file.ts';
import { analyseArticle } from '../../nlp/analyse.ts';
import { UsageError, type Command } from '../command.ts';
import type { AnalysedQuote } from '../../types.ts';

/** The JSON shape the evaluation scripts read; keep its keys stable. */
export function quoteJson(q: AnalysedQuote) {
  return {
    text: q.text,
    kind: q.kind,
    speaker: q.speaker,
    speaker_org: q.speakerOrg,
    speaker_role: q.speakerRole,
    stance: q.stance,
    start: q.start,
    end: q.end,
    cue: q.cue,
    placement: q.placement,
    confidence: q.confidence,
    stance_confidence: q.stanceConfidence,
    stance_cues: q.stanceCues,
    sentiment: q.sentiment,
  };
}

const command: Command = {
  name: 'extract',
  summary: 'print the quotes, speakers and stances found in one article file (.txt body or .html page)',
  args: 'FILE',
  options: [{ name: 'json', type: 'boolean', help: 'print JSON (the default and only format; kept for scripts)' }],
  async run(ctx) {
    const [file, ...extra] = ctx.positionals;
    if (!file || extra.length) throw new UsageError('expected exactly one FILE');
    // A .txt file is taken as the body itself, byte for byte, so offsets match the file.
    const article = readArticleFile(file, { textHeader: false });
    const quotes = analyseArticle({ title: article.title, text: article.text, published: article.published ?? null });
    ctx.out(JSON.stringify({ title: article.title, quotes: quotes.map(quoteJson) }, null, 2));
    return 0;
  },
};

export default command;
