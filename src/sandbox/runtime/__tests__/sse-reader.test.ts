/** SSE parsing over fetch bodies: events split anywhere across chunks, CRLF lines, multi-line data. */
import { expect, it } from "vitest";
import { readServerSentEvents } from "../sse-reader.ts";

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

it("yields each event whole, however the bytes were split", async () => {
  const text =
    'event: run\ndata: {"id":"r1"}\n\n: keep-alive\n\nevent: stdout\r\ndata: "ℹ pass 3\\n"\r\n\r\ndata: line one\ndata: line two\n\n';
  const cuts = [1, 7, 19, 24, 40, 41, 55, 60];
  const chunks = cuts.map((cut, index) => text.slice(cuts[index - 1] ?? 0, cut)).concat(text.slice(cuts.at(-1)));
  const events = [];
  for await (const event of readServerSentEvents(body(chunks))) events.push(event);
  expect(events).toEqual([
    { event: "run", data: '{"id":"r1"}' },
    { event: "stdout", data: '"ℹ pass 3\\n"' },
    { event: "message", data: "line one\nline two" },
  ]);
});
