// Opens what a command needs: the store, the opt-out lists, a logger and progress bars on stderr.
import { SingleBar, Presets } from 'cli-progress';
import type { Config } from './config.ts';
import type { Context, Logger, ProgressFactory } from './context.ts';
import { openStore } from './store/open.ts';
import { loadOptOutLists, optOutMatcher } from './identity/optout.ts';

export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`${m}\n`),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
};

/** A bar only on an interactive terminal; quiet in pipes, files and CI. */
export const terminalProgress: ProgressFactory = (label, total) => {
  if (!process.stderr.isTTY || process.env.CI || total <= 0) return { update() {}, stop() {} };
  const bar = new SingleBar({ format: `${label.padEnd(28).slice(0, 28)} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (n) => bar.update(Math.min(n, total)), stop: () => bar.stop() };
};

export async function openContext(config: Config, effects: { log?: Logger; progress?: ProgressFactory } = {}): Promise<Context> {
  const optout = optOutMatcher(loadOptOutLists(config.optOutFiles));
  const store = await openStore(config.db, { memoryLimit: config.memoryLimit, cluster: config.cluster, readOnly: config.readOnly });
  return { store, config, optout, log: effects.log ?? stderrLogger, progress: effects.progress ?? terminalProgress };
}
