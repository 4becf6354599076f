import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import {
  errorClasses,
  EVENT_SCHEMA_BASE,
  schemaFileName,
  findErrorClass,
  findProblemType,
  integrationEvents,
  problemSlugOf,
  problemTypes,
  problemTypeUri,
  rules,
  shopModel,
  SITE_URL,
  statusPolicy,
} from "../../../src/canon/index.ts";

const duplicates = (values: readonly string[]) => values.filter((value, index) => values.indexOf(value) !== index);

describe("the canon is consistent with itself", () => {
  it("uses the site's own origin for problem types", () => {
    const config = readFileSync(new URL("../../../astro.config.mjs", import.meta.url), "utf8");
    expect(config).toContain(`site: "${SITE_URL}"`);
    expect(problemTypeUri("not-found")).toBe("https://backend-field-guide.dev/reference/problems/#not-found");
    expect(problemSlugOf(problemTypeUri("state-conflict"))).toBe("state-conflict");
    expect(problemSlugOf("https://field-guide.example/problems/not-found")).toBeUndefined();
  });

  it("has no duplicate rule ids, problem slugs, error classes or events", () => {
    expect(duplicates(rules.map((rule) => rule.id))).toEqual([]);
    expect(duplicates(problemTypes.map((problem) => problem.slug))).toEqual([]);
    expect(duplicates(errorClasses.map((error) => error.name))).toEqual([]);
    expect(duplicates(integrationEvents.map((event) => `${event.type}@${event.version}`))).toEqual([]);
    expect(duplicates(shopModel.map((element) => element.name))).toEqual([]);
  });

  it("gives every rule a kebab-case id and the problem type its status calls for", () => {
    for (const rule of rules) {
      expect(rule.id, rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$/);
      const problem = findProblemType(rule.problemType);
      expect(problem?.status, rule.id).toBe(rule.status);
      expect(findErrorClass(rule.errorClass)?.problemType, rule.id).toBe(rule.problemType);
      // Raised by an example, or (for a rule of a context no example models) shown on a page.
      if (rule.raisedBy.length === 0) expect(rule.shownOn, `${rule.id} is raised by no example`).toBeDefined();
    }
  });

  it("maps every raisable error class to an existing problem type with the same status", () => {
    for (const error of errorClasses) {
      if (error.parent !== null) expect(findErrorClass(error.parent), error.name).toBeDefined();
      if (error.problemType === null) continue;
      expect(findProblemType(error.problemType)?.status, error.name).toBe(error.status);
    }
  });

  it("has an authorization error mapped to 403, and 409/412/428 for stale or missing versions", () => {
    expect(findErrorClass("PermissionDeniedError")?.status).toBe(403);
    expect(findErrorClass("ConcurrencyConflictError")?.status).toBe(409);
    expect(findErrorClass("PreconditionFailedError")?.status).toBe(412);
    expect(findErrorClass("PreconditionRequiredError")?.status).toBe(428);
  });

  it("gives each problem type an example body of its own type and status", () => {
    for (const problem of problemTypes) {
      expect(problem.exampleBody.type, problem.slug).toBe(problemTypeUri(problem.slug));
      expect(problem.exampleBody.status, problem.slug).toBe(problem.status);
      expect(problem.exampleBody.title, problem.slug).toBe(problem.title);
      for (const member of problem.extensions) expect(problem.exampleBody, problem.slug).toHaveProperty(member);
      if (problem.raisedBy.length === 0) expect(problem.shownOn, `${problem.slug} is shown nowhere`).toBeDefined();
    }
  });

  it("covers every problem type in the status policy's list or in the edge's own errors", () => {
    const inPolicy = new Set(statusPolicy.flatMap((entry) => entry.problemTypes));
    for (const entry of statusPolicy) {
      for (const slug of entry.problemTypes) expect(findProblemType(slug)?.status, slug).toBe(entry.status);
    }
    expect([...inPolicy].every((slug) => findProblemType(slug) !== undefined)).toBe(true);
  });

  it("names every referenced rule in the model's methods", () => {
    const ids = new Set(rules.map((rule) => rule.id));
    const unknown = shopModel.flatMap((element) =>
      element.methods.flatMap((method) => (method.enforces ?? []).filter((id) => !ids.has(id))),
    );
    expect(unknown).toEqual([]);
  });
});

describe("the integration-event catalog", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);

  for (const event of integrationEvents) {
    it(`${event.type} v${event.version}: the sample validates against the schema`, () => {
      const validate = ajv.compile(event.schema);
      expect(validate(event.sample), ajv.errorsText(validate.errors)).toBe(true);
    });

    it(`${event.type} v${event.version}: the schema refuses snake_case fields and a message without its envelope`, () => {
      const validate = ajv.compile(event.schema);
      const snake = Object.fromEntries(
        Object.entries(event.sample).map(([key, value]) => [
          key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
          value,
        ]),
      );
      expect(validate(snake)).toBe(false);
      const withoutEnvelope = { ...event.sample };
      delete withoutEnvelope.version;
      expect(validate(withoutEnvelope)).toBe(false);
    });

    it(`${event.type} v${event.version}: its schema's $id is the file the site publishes`, () => {
      expect(event.schema.$id).toBe(`${EVENT_SCHEMA_BASE}${schemaFileName(event)}`);
      expect(EVENT_SCHEMA_BASE.startsWith(SITE_URL)).toBe(true);
    });

    it(`${event.type} v${event.version}: class name follows the type and version`, () => {
      const pascal = event.type
        .split(/[.-]/)
        .map((part) => part[0]?.toUpperCase() + part.slice(1))
        .join("");
      expect(event.className).toBe(`${pascal}V${event.version}`);
    });
  }
});
