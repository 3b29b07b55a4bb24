// Runs the Store contract on DuckDB and on ClickHouse (embedded chDB; skipped, saying why, where chDB cannot load).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { storeContract } from './store.contract.ts';
import { openStore } from './open.ts';
import { chdbUnavailable } from './chdb-probe.ts';

const dir = mkdtempSync(join(tmpdir(), 'census-contract-'));
let n = 0;

storeContract({
  name: 'duckdb',
  open: () => openStore(join(dir, `s${++n}.duckdb`), { memoryLimit: '64MB' }),
  gaps: {
    'an ingest interrupted after some rows were written completes when run again':
      'a DuckDB ingest is one transaction and cannot stop half-way (test/ingest-gitlog.test.ts kills one with SIGKILL)',
  },
});

const why = await chdbUnavailable();
if (why) {
  test('Store contract: clickhouse (chdb)', { skip: why }, () => {});
} else {
  // chDB binds one data directory per process: each test gets its own database in it.
  const chdb = join(dir, 'chdb');
  storeContract({
    name: 'clickhouse (chdb)',
    open: () => openStore(`chdb://${chdb}?database=contract_${++n}`, { memoryLimit: '64MB' }),
    gaps: {
      'a failed transaction leaves nothing behind':
        'ClickHouse has no transactions; ingest is idempotent instead (the interrupted-ingest test; docs/clickhouse.md)',
    },
  });
}
