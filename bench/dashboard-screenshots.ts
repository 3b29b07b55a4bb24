// The README's pictures: each dashboard view on the real Kubernetes repositories, and the exported page, taken with
// Debian's chromium through playwright-core into docs/.
//   node --import tsx bench/dashboard-screenshots.ts [--db PATH]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { BIN, ROOT, realDb } from './real-db.ts';

const db = realDb(process.argv.slice(2));
if (!db) {
  process.stderr.write('no ../shared/data and no --db: no screenshots\n');
  process.exit(0);
}
const DOCS = join(ROOT, 'docs');
const K8S = `repo=${encodeURIComponent('kubernetes/*,kubernetes-sigs/*')}`;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

const server = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => { out += d; const m = /census dashboard: (\S+)/.exec(out); if (m) resolve(m[1]!); });
});
const profile = mkdtempSync(join(tmpdir(), 'census-shots-'));
const browser = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: FLAGS, headless: true, viewport: { width: 1400, height: 950 } });
const page = await browser.newPage();

async function shot(hash: string, file: string, then?: (p: Page) => Promise<void>, height = 950): Promise<void> {
  await page.setViewportSize({ width: 1400, height });
  await page.goto(`${base}#/${hash}`);
  await page.waitForSelector(`#view[data-ready="${hash.split(/[/?]/)[0]}"]`, { timeout: 60_000 });
  await then?.(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(DOCS, file) });
  process.stderr.write(`docs/${file}\n`);
}

/** Hovers a country on the map so the picture shows the tooltip. */
async function hover(p: Page, lng: number, lat: number): Promise<void> {
  const at = await p.evaluate(([x, y]) => {
    const el = document.querySelector('#map-chart') as HTMLElement;
    const chart = (globalThis as unknown as { echarts: { getInstanceByDom(e: HTMLElement): { convertToPixel(f: object, v: number[]): number[] } } }).echarts.getInstanceByDom(el);
    const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, [x!, y!]);
    const r = el.getBoundingClientRect();
    return { x: r.left + px!, y: r.top + py! };
  }, [lng, lat]);
  await p.mouse.move(at.x, at.y);
}

try {
  await shot(`map?${K8S}`, 'dashboard-map.png', (p) => hover(p, -98, 39));
  await shot(`trends?${K8S}`, 'dashboard-trends.png', undefined, 1250);
  await shot(`companies/Google?${K8S}`, 'dashboard-companies.png', (p) => p.waitForSelector('#people-title').then(() => undefined));
  await shot(`countries/IN?${K8S}`, 'dashboard-countries.png', (p) => p.waitForSelector('#people-title').then(() => undefined));
  const person = await page.locator('#people a[href^="#/person/"]').first().getAttribute('href');
  await shot(`person/${person!.replace('#/person/', '')}`, 'dashboard-person.png');
  await shot(`reports/contributors-by-company?${K8S}&by=year`, 'dashboard-report.png');
  const html = join(profile, 'census-kubernetes.html');
  const r = spawnSync(process.execPath, [BIN, '--db', db, 'export', 'html', html, '--repo', 'kubernetes/*', '--repo', 'kubernetes-sigs/*'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`census export html failed (${r.status})`);
  await page.goto(`file://${html}`);
  await page.screenshot({ path: join(DOCS, 'export-html.png') });
  process.stderr.write('docs/export-html.png\n');
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
}
