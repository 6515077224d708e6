// Stand-in stores for bench/stores.mjs: one HTTP server per sandbox given on
// the command line, first passing every request through to it and keeping the
// answer (record), then, once sent SIGUSR2, answering the same requests from memory
// after the same latency, with no work of its own (replay). So the run of
// four stores at once can be timed with the stores' CPU off this machine's
// two cores, as real stores' is. A request it never saw answers 502, which
// orderctl reports and the bench stops on: a replay never invents an answer.
// Prints one line per store: "<sandbox base URL> <stand-in base URL>".
// Usage: node bench/replay-server.mjs --latency MS URL...
import http from 'node:http';

const args = process.argv.slice(2);
const latency = Number(args[args.indexOf('--latency') + 1]);
const targets = args.filter((a, i) => a !== '--latency' && args[i - 1] !== '--latency');
let replaying = false;

function standIn(target) {
  const origin = new URL(target).origin;
  const answers = new Map();
  const server = http.createServer((req, res) => {
    const key = `${req.method} ${req.url}`;
    if (replaying) {
      const a = answers.get(key);
      setTimeout(() => {
        if (!a) {
          res.writeHead(502, { 'content-type': 'text/plain' }).end(`not recorded: ${key}\n`);
          return;
        }
        res.writeHead(a.status, a.headers).end(a.body);
      }, latency);
      return;
    }
    const headers = { ...req.headers };
    delete headers.host;
    const up = http.request(`${origin}${req.url}`, { method: req.method, headers }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        const body = Buffer.concat(chunks);
        const kept = { ...r.headers };
        delete kept['transfer-encoding'];
        delete kept.connection;
        delete kept['keep-alive'];
        kept['content-length'] = String(body.length);
        answers.set(key, { status: r.statusCode, headers: kept, body });
        res.writeHead(r.statusCode, kept).end(body);
      });
    });
    up.on('error', (err) => res.writeHead(502).end(String(err)));
    req.pipe(up);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const servers = await Promise.all(targets.map(standIn));
targets.forEach((t, i) => {
  const u = new URL(t);
  process.stdout.write(`${t} http://127.0.0.1:${servers[i].address().port}${u.pathname}${u.search}\n`);
});
process.stdout.write('ready\n');
process.on('SIGUSR2', () => {
  replaying = true;
  process.stdout.write('replaying\n');
});
process.on('SIGINT', () => process.exit(0));
