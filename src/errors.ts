// The user-fixable failure: a message, a hint on what to do, and the exit code the CLI returns.

export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  badInput: 3,
  notFound: 4,
  busy: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CensusError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;
  constructor(message: string, opts: { hint?: string; exitCode?: ExitCode } = {}) {
    super(message);
    this.name = 'CensusError';
    this.hint = opts.hint;
    this.exitCode = opts.exitCode ?? ExitCode.failure;
  }
}
