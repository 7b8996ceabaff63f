// Runs the official GraphQL-over-HTTP audit (graphql-http's auditServer) against a running server and
// prints every result, one per line: "<status> <id> <name>[ — <reason>]". Exits 1 when any audit ends
// in "error" (a MUST failed) or "warn" (a SHOULD failed), 0 when all are "ok" (or "notice", a MAY).
//
// Usage: node graphql-http-audit.mjs http://localhost:PORT/graphql
//
// ESM ignores NODE_PATH, so graphql-http is required through createRequire from the folder NODE_PATH
// names (NodeTools sets it to .engines/node_modules).
import { createRequire } from 'node:module';
import path from 'node:path';

const url = process.argv[2];
if (!url) {
  console.error('usage: node graphql-http-audit.mjs <url>');
  process.exit(2);
}
const modules = (process.env.NODE_PATH || '').split(path.delimiter).filter(Boolean)[0];
const require = createRequire(path.join(modules || process.cwd(), 'noop.js'));
const { auditServer } = require('graphql-http');

const results = await auditServer({ url });
let failed = 0;
for (const result of results) {
  let line = `${result.status} ${result.id} ${result.name}`;
  if (result.status !== 'ok') {
    let body = '';
    try {
      body = await result.response.text();
    } catch {
      // the body may have been read by the audit itself
    }
    line += ` — ${result.reason} (HTTP ${result.response.status}, ${result.response.headers.get('content-type')}) ${body.slice(0, 300)}`;
  }
  console.log(line);
  if (result.status === 'error' || result.status === 'warn') {
    failed++;
  }
}
console.log(`${results.length} audits, ${failed} errors or warnings`);
process.exit(failed === 0 ? 0 : 1);
