#!/usr/bin/env node
// The `dateline` command: runs the compiled CLI in dist/ (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('dateline: not built yet. Run "npm run build" (npm install does it for you).');
  process.exit(1);
}
await import(entry.href);
