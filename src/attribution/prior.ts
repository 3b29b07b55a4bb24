// The starting prior: developers per economy from GitHub Innovation Graph (data/priors/developers-by-economy.csv, CC0).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CensusError, ExitCode } from '../errors.ts';

export const PRIOR_SOURCE = 'GitHub Innovation Graph developers per economy (data/priors/developers-by-economy.csv)';

export function loadPrior(dataDir: string): Map<string, number> {
  const file = join(dataDir, 'priors', 'developers-by-economy.csv');
  const out = new Map<string, number>();
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#') || line.startsWith('iso2,')) return;
    const [iso2, n] = line.split(',');
    if (!iso2 || !/^[A-Z]{2}$/.test(iso2) || !/^\d+$/.test(n ?? '')) {
      throw new CensusError(`${file}:${i + 1}: expected "ISO2,developers"`, { exitCode: ExitCode.badInput });
    }
    out.set(iso2, Number(n));
  });
  return out;
}
