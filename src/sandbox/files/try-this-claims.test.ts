import { describe, expect, it } from "vitest";
import { editClaims, httpClaims, jsonContains } from "./try-this-claims.ts";
import type { EditTryStep, HttpTryStep } from "./try-this.ts";

const request = (expect: string): HttpTryStep => ({
  kind: "http",
  intro: "",
  method: "GET",
  path: "/",
  headers: {},
  body: "",
  expect,
});
const edit = (expect: string): EditTryStep => ({
  kind: "edit",
  intro: "",
  path: "src/a.ts",
  patch: "",
  commands: ["npm test"],
  expect,
});

describe("httpClaims", () => {
  it("reads the status, the headers and the JSON fragments a step claims", () => {
    expect(
      httpClaims(request('You get 409 with a `Location` header and `"rule": "order.not-empty"`, `"stock": 8`.')),
    ).toEqual({
      status: 409,
      headers: ["Location"],
      fragments: [
        { name: "rule", value: "order.not-empty" },
        { name: "stock", value: 8 },
      ],
    });
  });

  it("claims no status when the prose does not start with one", () => {
    expect(httpClaims(request('The keyboard has `"stock": 8` again.')).status).toBeUndefined();
  });
});

describe("editClaims", () => {
  it("reads a failing run and the quoted test names", () => {
    expect(editClaims(edit('Two tests fail ("rolls back", "keeps stock"); the in-memory ones still pass.'))).toEqual({
      outcome: "fail",
      failingTests: ["rolls back", "keeps stock"],
    });
  });

  it("reads a passing run", () => {
    expect(editClaims(edit("All tests still pass: nothing fails."))).toEqual({ outcome: "pass", failingTests: [] });
  });
});

describe("jsonContains", () => {
  it("finds a name with an equal value at any depth, and nothing else", () => {
    const body = { items: [{ id: "p-1", stock: { available: 8 } }] };
    expect(jsonContains(body, { name: "available", value: 8 })).toBe(true);
    expect(jsonContains(body, { name: "available", value: 9 })).toBe(false);
    expect(jsonContains(body, { name: "stock", value: { available: 8 } })).toBe(true);
  });
});
