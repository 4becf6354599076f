/** One parsed log line. */
export type LogLine = Record<string, unknown> & { level: string; event: string };

/** A pino destination that keeps every line, parsed, for a test to assert on. */
export function captureLogs() {
  const lines: LogLine[] = [];
  return {
    lines,
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    /** The lines written while the request with this id ran. */
    forRequest: (requestId: string) => lines.filter((line) => line.requestId === requestId),
  };
}
