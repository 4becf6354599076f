/**
 * The service's settings: one object, read once from the environment at start and validated with zod.
 * A bad value stops the start with one message that names every bad variable, so a deploy fails in
 * its first second with the whole list, not at the first request that needs the value.
 */
import { z } from "zod";

/** A whole number in [min, max], read from a string variable; unset or empty takes the default. */
function wholeNumber(min: number, max: number, fallback: number) {
  return z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` })
    .default(fallback);
}

/** An optional server URL with one of the given schemes. Its value is never echoed: it may hold a password. */
function serverUrl(schemes: RegExp, example: string) {
  return z.url({ protocol: schemes, error: `must be a URL like ${example}` }).optional();
}

const configSchema = z.object({
  PORT: wholeNumber(0, 65535, 3000),
  HOST: z.string().optional(),
  /** How long /health/ready answers 503 before the server stops accepting: time for load balancers to notice. */
  DRAIN_DELAY_MS: wholeNumber(0, 60_000, 0),
  /** How long in-flight requests and closing resources may take after that, before the process gives up (exit 1). */
  SHUTDOWN_TIMEOUT_MS: wholeNumber(100, 120_000, 10_000),
  /** How long one dependency check of /health/ready may take before it counts as down. */
  READINESS_TIMEOUT_MS: wholeNumber(50, 10_000, 1_000),
  /** Added to every /orders request: lets a test (or you) have a request in flight when SIGTERM arrives. */
  DEMO_LATENCY_MS: wholeNumber(0, 30_000, 0),
  DATABASE_URL: serverUrl(/^postgres(ql)?$/, "postgres://user:password@host:5432/shop"),
  REDIS_URL: serverUrl(/^rediss?$/, "redis://host:6379"),
  AMQP_URL: serverUrl(/^amqps?$/, "amqp://user:password@host:5672"),
});

/** The validated settings the composition root wires from. */
export type Config = z.infer<typeof configSchema>;

/** Thrown by `parseConfig` with one line per bad variable. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(
      `Invalid configuration (${problems.length} ${problems.length === 1 ? "problem" : "problems"}):\n  ${problems.join("\n  ")}`,
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** The settings from `env` (process.env in main.ts), or a ConfigError listing every bad variable at once. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable (`PORT=`) means unset, as most shells and platforms write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}
