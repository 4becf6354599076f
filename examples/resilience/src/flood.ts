/**
 * `npm run flood`: sends many orders at once to the running service and counts the answers, to watch
 * the bulkhead shed load. Usage: `node src/flood.ts [count] [base URL]` (defaults: 12, http://localhost:$PORT).
 */
const count = Number(process.argv[2] ?? 12);
const base = process.argv[3] ?? `http://localhost:${process.env.PORT || 3000}`;
if (!Number.isInteger(count) || count < 1 || count > 200) {
  console.error(`count must be a whole number from 1 to 200, not ${process.argv[2]}`);
  process.exit(1);
}

const order = JSON.stringify({ customerId: "c-1", lines: [{ productId: "p-2", quantity: 1 }] });
const started = Date.now();
const answers = await Promise.all(
  Array.from({ length: count }, async () => {
    const response = await fetch(`${base}/orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: order,
    });
    await response.arrayBuffer();
    return { status: response.status, retryAfter: response.headers.get("Retry-After"), ms: Date.now() - started };
  }),
);

const byStatus = Map.groupBy(answers, (answer) => answer.status);
for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
  const slowest = Math.max(...group.map((answer) => answer.ms));
  const retryAfter = group[0]?.retryAfter ? `, Retry-After: ${group[0].retryAfter}` : "";
  console.log(`${group.length} × ${status} (slowest after ${slowest} ms${retryAfter})`);
}
