#!/usr/bin/env node
// Serves a built Parley site on 127.0.0.1 only. No dependencies beyond Node itself.
//   node tools/serve.mjs DIR [PORT]      (PORT 0 picks a free port)
// Prints the address on stdout as "Parley is running at http://127.0.0.1:PORT/".
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

export function serve(root, port = 0) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname); }
    catch { res.writeHead(400).end('bad request'); return; }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(root, pathname);
    if (!file.startsWith(root + path.sep)) { res.writeHead(403).end('forbidden'); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  const port = Number(process.argv[3] ?? 8080);
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`serve: ${dir ?? '(no folder given)'} holds no index.html; build first with "make wasm"`);
    process.exit(2);
  }
  serve(dir, port).then((server) => {
    console.log(`Parley is running at http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
  }, (err) => {
    console.error(err.code === 'EADDRINUSE'
      ? `serve: port ${port} is already in use; try "make run PORT=8081"`
      : `serve: ${err.message}`);
    process.exit(1);
  });
}
