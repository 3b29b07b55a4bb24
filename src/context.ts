// Effects handed to every stage: the store, the config, a logger and progress on stderr, the opt-out matcher.
import type { Store } from './store/store.ts';
import type { Config } from './config.ts';
import type { OptOutMatcher } from './identity/optout.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface Progress {
  update(done: number): void;
  stop(): void;
}
export type ProgressFactory = (label: string, total: number) => Progress;

export interface Context {
  readonly store: Store;
  readonly config: Config;
  readonly log: Logger;
  readonly progress: ProgressFactory;
  readonly optout: OptOutMatcher;
}
