// The files the dashboard page loads, all local: web/ (the browser code), echarts from node_modules, the world map.
// Looked up by exact path in a table built at start, so no request path ever reaches the file system.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PACKAGE_DIR } from '../config.ts';
import { worldMap } from '../views/world.ts';

/** A file's bytes and their gzip, both made once at start. */
export interface Asset { bytes: Buffer<ArrayBuffer>; gzip: Buffer<ArrayBuffer>; worthZipping: boolean; type: string }

const asset = (bytes: Buffer<ArrayBuffer>, type: string): Asset => ({ bytes, gzip: gzipSync(bytes), worthZipping: bytes.length >= 1024, type });

export const WEB_DIR = join(PACKAGE_DIR, 'web');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

export function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(WEB_DIR)) {
    const type = types[extname(name)];
    if (!type || name.endsWith('.d.ts')) continue;
    assets.set(`/${name}`, asset(readFileSync(join(WEB_DIR, name)), type));
  }
  const index = assets.get('/index.html');
  if (index) assets.set('/', index);
  const require = createRequire(import.meta.url);
  assets.set('/vendor/echarts.min.js', asset(readFileSync(require.resolve('echarts/dist/echarts.min.js')), types['.js']!));
  assets.set('/geo/world.json', asset(Buffer.from(JSON.stringify(worldMap())), types['.json']!));
  return assets;
}
