// The dashboard's browser code is plain JavaScript (no build step) typed with JSDoc: it must pass the TypeScript
// compiler in strict mode, checked apart from the .d.ts files the server side reads for charts.js and format.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli-harness.ts';

test('web/*.js type-checks in strict mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'census-web-'));
  const files = readdirSync(join(ROOT, 'web')).filter((f) => f.endsWith('.js'));
  for (const f of files) copyFileSync(join(ROOT, 'web', f), join(dir, f));
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['--ignoreConfig', '--allowJs', '--checkJs', '--noEmit', '--strict',
    '--lib', 'es2022,dom', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--skipLibCheck', ...files], { cwd: dir, encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  assert.ok(files.includes('app.js') && files.includes('charts.js'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
