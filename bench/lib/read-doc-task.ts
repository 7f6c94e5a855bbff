// Worker-pool task for bench/pipeline.ts: bare wink-nlp `readDoc` on a worker thread, the parallel baseline.
import { nlp } from '../../src/nlp/wink.ts';

export function run(text: string): null {
  nlp.readDoc(text);
  return null;
}
