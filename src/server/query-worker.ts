// The query worker's thread: opens copies of the database as the server asks, answers questions on them, and sends
// back the value or the error (a CensusError keeps its exit code, so the server maps it to the same HTTP status).
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { Context } from '../context.ts';
import { CensusError } from '../errors.ts';
import { openContext } from '../session.ts';
import { answer } from './compute.ts';
import type { WorkerRequest, WorkerReply } from './executor.ts';

const config = (workerData as { config: Config }).config;
const contexts = new Map<number, Context>();
const quiet = { info() {}, warn() {} };
const port = parentPort!;

async function handle(m: WorkerRequest): Promise<unknown> {
  if (m.type === 'open') {
    contexts.set(m.generation, await openContext({ ...config, db: m.location, readOnly: m.readOnly }, { log: quiet, progress: () => ({ update() {}, stop() {} }) }));
    return null;
  }
  const ctx = contexts.get(m.generation);
  if (m.type === 'close') {
    contexts.delete(m.generation);
    await ctx?.store.close();
    return null;
  }
  if (!ctx) throw new Error(`copy ${m.generation} is not open`);
  return answer(ctx, m.question);
}

port.on('message', (m: WorkerRequest) => {
  handle(m).then(
    (value) => port.postMessage({ id: m.id, ok: true, value } satisfies WorkerReply),
    (err: unknown) => port.postMessage({
      id: m.id, ok: false,
      error: err instanceof CensusError
        ? { message: err.message, hint: err.hint, exitCode: err.exitCode, census: true }
        : { message: err instanceof Error ? err.stack ?? err.message : String(err), census: false },
    } satisfies WorkerReply),
  );
});
