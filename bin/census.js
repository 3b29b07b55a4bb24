#!/usr/bin/env node
// The `census` executable: registers the TypeScript loader and hands over to src/cli.ts.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli.ts');
