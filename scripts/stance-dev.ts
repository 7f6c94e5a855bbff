// Scores classifyStance alone on gold sets (gold quotes, speakers and organisations given), so stance can be tuned
// while quote extraction changes. Metrics as in the shared scorer: accuracy over four labels (unrelated folded into
// neutral) and F_avg = mean F1 of supports and opposes.
// Usage: npx tsx scripts/stance-dev.ts GOLD_DIR... [--verbose [--full]] [--all] [--unnamed X] [--threshold X]
//          [--retrain [--without NOTE] [--reg X] [--min-count N]]
//   --all also scores optional gold entries; --full prints whole quotes; --unnamed and --threshold override
//   UNNAMED_THRESHOLD and every side's MODEL_THRESHOLD (for sweeps). --retrain scores with a model trained here on
//   data/stance/examples.jsonl (the shipped model's options unless --reg/--min-count say otherwise), leaving out the
//   examples whose note contains NOTE: a leave-one-batch-out check of what a batch of examples does on the gold sets.
//   With no GOLD_DIR, every dev set is scored and one line per set is printed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { classifyStance, MODEL_THRESHOLD, type StanceOptions } from '../src/nlp/stance/index.ts';
import { compileStanceModel } from '../src/nlp/stance/classifier.ts';
import { readStanceExamples } from '../src/nlp/stance/classifier-eval.ts';
import { trainStanceModel } from '../src/nlp/stance/classifier-train.ts';
import { readWordClasses, stanceDataUrl } from './lib/stance-training.ts';
import type { ExtractedQuote, Stance } from '../src/types.ts';

interface GoldQuote {
  text: string;
  kind: ExtractedQuote['kind'];
  speaker: string;
  speaker_org: string | null;
  speaker_role: string | null;
  stance: Stance;
  optional: boolean;
}

const DEV_SETS = ['../shared/corpus/seeds', ...['gold', 'gold2', 'gold3', 'gold4', 'gold5', 'gold6', 'gold7'].map((s) => `test/fixtures/${s}`)];
const LABELS = ['supports', 'opposes', 'mixed', 'neutral'] as const;
const fold = (s: string) => (s === 'unrelated' ? 'neutral' : s);

/** Where the gold text sits in the body; multi-paragraph entries were joined, so fall back to their ends. */
function locate(body: string, text: string, from: number): [number, number] {
  let i = body.indexOf(text, from);
  if (i < 0) i = body.indexOf(text);
  if (i >= 0) return [i, i + text.length];
  const head = text.slice(0, 40);
  const tail = text.slice(-40);
  const s = body.indexOf(head, from) >= 0 ? body.indexOf(head, from) : body.indexOf(head);
  const e = s >= 0 ? body.indexOf(tail, s) : -1;
  return s >= 0 && e >= 0 ? [s, e + tail.length] : [-1, -1];
}

interface Flags { verbose: boolean; width: number; all: boolean; options: StanceOptions }

function flags(argv: string[]): Flags {
  const num = (name: string) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : undefined);
  const t = num('--threshold');
  const options: StanceOptions = { unnamedThreshold: num('--unnamed') };
  if (t !== undefined) options.modelThreshold = Object.fromEntries(Object.keys(MODEL_THRESHOLD).map((k) => [k, t])) as StanceOptions['modelThreshold'];
  if (argv.includes('--retrain')) {
    const shipped = JSON.parse(readFileSync(stanceDataUrl('model.json'), 'utf8')) as { meta: { options: { reg: number; minCount: number; prune: number } } };
    const without = argv.includes('--without') ? argv[argv.indexOf('--without') + 1]! : null;
    const examples = readStanceExamples(stanceDataUrl('examples.jsonl')).filter((e) => !without || !(e.note ?? '').includes(without));
    const opts = { ...shipped.meta.options, kind: 'logreg' as const, wordClasses: readWordClasses() };
    opts.reg = num('--reg') ?? opts.reg;
    opts.minCount = num('--min-count') ?? opts.minCount;
    options.model = compileStanceModel(trainStanceModel(examples, opts));
    console.log(`model trained on ${examples.length} examples, reg ${opts.reg}, minCount ${opts.minCount}`);
  }
  return { verbose: argv.includes('--verbose'), width: argv.includes('--full') ? 10_000 : 80, all: argv.includes('--all'), options };
}

function scoreSet(dir: string, f: Flags): [string, string][] {
  const pairs: [string, string][] = [];
  for (const file of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { title: string; published: string | null; quotes: GoldQuote[] };
    const body = readFileSync(join(dir, file.replace(/\.json$/, '.txt')), 'utf8').split('\n').slice(4).join('\n');
    const ctx = { title: gold.title, text: body, published: gold.published };
    let cursor = 0;
    for (const g of gold.quotes) {
      const [start, end] = locate(body, g.text, cursor);
      if (start >= 0) cursor = start + 1;
      if (g.optional && !f.all) continue;
      const quote: ExtractedQuote = { text: g.text, kind: g.kind, start, end, speaker: g.speaker, speakerOrg: g.speaker_org, speakerRole: g.speaker_role, cue: null, placement: 'body', confidence: 1 };
      const r = classifyStance(quote, ctx, f.options);
      pairs.push([fold(g.stance), fold(r.stance)]);
      if (f.verbose && fold(g.stance) !== fold(r.stance)) {
        const cues = r.cues.filter((c) => c.role !== 'target').map((c) => `${c.role}${c.flipped ? '!' : ''}:${c.text}`).join(', ');
        console.log(`  ${file.slice(0, 3)} gold ${g.stance} got ${r.stance} (${r.confidence}) [${g.speaker}] ${g.text.slice(0, f.width)}\n      cues: ${cues}`);
      }
    }
  }
  return pairs;
}

function scores(pairs: [string, string][]): string {
  const f1 = (label: string) => {
    const tp = pairs.filter(([g, p]) => g === label && p === label).length;
    const fp = pairs.filter(([g, p]) => g !== label && p === label).length;
    const fn = pairs.filter(([g, p]) => g === label && p !== label).length;
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  };
  const acc = pairs.filter(([g, p]) => g === p).length / pairs.length;
  return `quotes ${String(pairs.length).padStart(3)}  stance-acc ${acc.toFixed(3)}  stance-Favg ${((f1('supports') + f1('opposes')) / 2).toFixed(3)}  F1 supports ${f1('supports').toFixed(3)} opposes ${f1('opposes').toFixed(3)} mixed ${f1('mixed').toFixed(3)}`;
}

function confusion(pairs: [string, string][]): void {
  console.log(`confusion (rows gold, columns predicted)\n${''.padEnd(10)}${LABELS.map((l) => l.padStart(10)).join('')}`);
  for (const g of LABELS) console.log(g.padEnd(10) + LABELS.map((p) => String(pairs.filter(([a, b]) => a === g && b === p).length).padStart(10)).join(''));
}

function main(): void {
  const argv = process.argv.slice(2);
  const f = flags(argv);
  const dirs = argv.filter((a, i) => !a.startsWith('--') && !['--unnamed', '--threshold', '--without', '--reg', '--min-count'].includes(argv[i - 1] ?? ''));
  if (dirs.length === 1) {
    const pairs = scoreSet(dirs[0]!, f);
    console.log(scores(pairs));
    confusion(pairs);
    return;
  }
  for (const dir of dirs.length ? dirs : DEV_SETS) console.log(`${dir.split('/').pop()!.padEnd(7)} ${scores(scoreSet(dir, f))}`);
}

// Piping into head closes stdout early; that is not an error.
process.stdout.on('error', () => process.exit(0));
main();
