import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { childProcessUnavailable } from "../support/child-process.ts";

const exampleDir = fileURLToPath(new URL("../../", import.meta.url));
const IMAGE = "field-guide/deployable-service:test";
/** The image every stage of the Dockerfile starts FROM (dockerfile.test.ts checks the file). */
const BASE_IMAGE = "node:24-slim";

/** Why the image cannot be built here (no child processes, no docker, no daemon), or false. */
function dockerUnavailable(): string | false {
  const noChildren = childProcessUnavailable();
  if (noChildren) return noChildren;
  const probe = spawnSync("docker", ["info", "--format", "{{.ServerVersion}}"], { encoding: "utf8" });
  if (probe.error) return `docker is not available here (${probe.error.message})`;
  if (probe.status !== 0) return `docker has no daemon to talk to (${probe.stderr.trim().split("\n")[0]})`;
  return baseImageUnavailable();
}

/** The Dockerfile's base image must be on the machine or pullable: a closed network cannot build the image. */
function baseImageUnavailable(): string | false {
  if (spawnSync("docker", ["image", "inspect", BASE_IMAGE], { encoding: "utf8" }).status === 0) return false;
  const pull = spawnSync("docker", ["pull", BASE_IMAGE], { encoding: "utf8", timeout: 120_000 });
  if (pull.status === 0) return false;
  const why = pull.error?.message ?? pull.stderr.trim().split("\n").at(-1);
  return `the base image ${BASE_IMAGE} is not on this machine and cannot be pulled (${why})`;
}

function docker(...args: string[]): string {
  const result = spawnSync("docker", args, { cwd: exampleDir, encoding: "utf8" });
  assert.equal(result.status, 0, `docker ${args.join(" ")}:\n${result.stderr}`);
  return result.stdout.trim();
}

describe("the image", () => {
  it(
    "builds, runs as a non-root user, and reports healthy through its own HEALTHCHECK",
    { skip: dockerUnavailable(), timeout: 600_000 },
    async () => {
      docker("build", "--tag", IMAGE, ".");
      assert.notEqual(docker("image", "inspect", IMAGE, "--format", "{{.Config.User}}"), "");
      const container = docker("run", "--detach", "--rm", IMAGE);
      try {
        let status = "starting";
        for (let attempt = 0; attempt < 60 && status === "starting"; attempt += 1) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          status = docker("inspect", container, "--format", "{{.State.Health.Status}}");
        }
        assert.equal(status, "healthy");
      } finally {
        docker("stop", "--time", "15", container);
      }
    },
  );
});
