// A pool thread. Worker threads do not inherit tsx's loader on Node 20 (bin/stancewatch.js, vitest and tsx each
// load TypeScript their own way in the main thread): register it here, then load the task module the pool names
// and run its `run(input)` on every input posted, answering each with its value or its error.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { run } = await import(workerData.module);

parentPort.on('message', async ({ id, input }) => {
  try {
    parentPort.postMessage({ id, value: await run(input) });
  } catch (err) {
    const error = err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { name: 'Error', message: String(err) };
    parentPort.postMessage({ id, error });
  }
});
parentPort.postMessage({ ready: true });
