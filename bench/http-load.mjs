// A closed-loop HTTP load generator for large answers: `connections` keep-alive loops, each sending
// the next request when the previous answer has been read in full (bodies are not inflated, as
// autocannon does not either). autocannon's parser tops out near 100 answers/s at 540 KB each,
// with the server idle most of the time, so it measured itself rather than the server.
// Usage: node bench/http-load.mjs '{"url":…,"connections":10,"seconds":10,"headers":{…}}'
// Prints {"requests","rps","p50","p90","p99","max","errors"} (milliseconds) as JSON.
import http from "node:http";

const { url, connections = 10, seconds = 10, warmUpSeconds = 0, headers = {} } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

function once() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => {
        bytes += chunk.length;
      });
      res.on("end", () => resolve({ ms: performance.now() - t0, ok: res.statusCode === 200 && bytes > 0 }));
    });
    req.on("error", () => resolve({ ms: performance.now() - t0, ok: false }));
  });
}

async function run(durationSeconds) {
  const latencies = [];
  let errors = 0;
  const end = performance.now() + durationSeconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const r = await once();
      if (r.ok) latencies.push(r.ms);
      else errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  return { latencies, errors, elapsed: (performance.now() - t0) / 1000 };
}

if (warmUpSeconds > 0) await run(warmUpSeconds);
const { latencies, errors, elapsed } = await run(seconds);
latencies.sort((a, b) => a - b);
const q = (p) =>
  Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 10) / 10;
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    rps: Math.round(latencies.length / elapsed),
    p50: q(0.5),
    p90: q(0.9),
    p99: q(0.99),
    max: q(1 - 1e-12),
    errors,
  }),
);
agent.destroy();
