import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildTestApp } from "../http/test-app.ts";
import { dockerfileInstructions, exampleFileExists, getAsSentTo, readExampleFile } from "./deploy-files.ts";

const instructions = dockerfileInstructions(readExampleFile("Dockerfile"));
const lastFrom = instructions.findLastIndex((instruction) => instruction.keyword === "FROM");
const runtimeStage = instructions.slice(lastFrom);
const argsOf = (keyword: string) => runtimeStage.find((instruction) => instruction.keyword === keyword)?.args;

describe("the Dockerfile", () => {
  it("builds in stages and runs from a small base image", () => {
    assert.ok(instructions.filter((instruction) => instruction.keyword === "FROM").length >= 2, "multi-stage");
    assert.match(instructions[lastFrom]?.args ?? "", /^(node:\d+-(slim|alpine)|gcr\.io\/distroless\/nodejs)/);
  });

  it("runs as a user that is not root", () => {
    const user = argsOf("USER");
    assert.ok(user !== undefined, "the runtime stage sets USER");
    assert.doesNotMatch(user, /^(root|0)(:|$)/);
  });

  it("starts node itself in exec form, so SIGTERM reaches the program", () => {
    const command = JSON.parse(argsOf("CMD") ?? "null") as unknown;
    assert.ok(Array.isArray(command), "CMD is a JSON array (exec form), not a shell string");
    assert.equal(command[0], "node", "node, not npm: npm's shell would not pass SIGTERM on");
    assert.ok(exampleFileExists(String(command[1])), `${command[1]} exists`);
  });

  it("has a HEALTHCHECK that needs no curl and asks a path the app answers", async () => {
    const healthcheck = argsOf("HEALTHCHECK") ?? "";
    assert.doesNotMatch(healthcheck, /\b(curl|wget)\b/, "the slim and distroless images have neither");
    assert.match(healthcheck, /CMD \["node", "-e"/);
    const url = /fetch\('(http:\/\/[^']+)'\)/.exec(healthcheck)?.[1];
    assert.ok(url !== undefined, "the health check fetches a URL");
    const { host, pathname } = new URL(url);
    assert.equal((await getAsSentTo(buildTestApp().app, pathname, host)).status, 200);
  });

  it("keeps node_modules, .env files and .git out of the build context", () => {
    const ignored = readExampleFile(".dockerignore").split(/\r?\n/);
    for (const entry of ["node_modules", ".env", ".git"]) assert.ok(ignored.includes(entry), entry);
  });
});
