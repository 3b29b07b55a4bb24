// Lists the test files for `npm test`: node 20's runner finds no .ts files on its own.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
const found = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) found.push(p);
  }
};
walk('src');
walk('test');
if (found.length === 0) throw new Error('no test files found under src/ or test/');
console.log(found.sort().join(' '));
