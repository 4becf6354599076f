import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CacheConnectionError,
  DatabaseConnectionError,
  ExternalAPIError,
  InfrastructureError,
} from "../../src/application/ports/infrastructure-errors.ts";
import {
  BusinessRuleViolationError,
  DomainError,
  EntityNotFoundError,
  StateConflictError,
} from "../../src/domain/domain-error.ts";
import { ProductId } from "../../src/domain/identifiers.ts";
import { InsufficientStockError } from "../../src/domain/order.errors.ts";

describe("the error hierarchy", () => {
  it("has two separate families: domain errors and infrastructure errors", () => {
    const domain = [
      new EntityNotFoundError("Order", "o-9"),
      new BusinessRuleViolationError("r", "why"),
      new StateConflictError("r", "why"),
    ];
    const infrastructure = [
      new DatabaseConnectionError("down"),
      new CacheConnectionError("down"),
      new ExternalAPIError("warehouse", 502, "bad gateway"),
    ];
    for (const error of domain) assert.ok(error instanceof DomainError && !(error instanceof InfrastructureError));
    for (const error of infrastructure)
      assert.ok(error instanceof InfrastructureError && !(error instanceof DomainError));
  });

  it("makes specific rules subclasses of the rule errors, with their own data", () => {
    const error = new InsufficientStockError(ProductId.of("p-2"), 5, 3);
    assert.ok(error instanceof StateConflictError);
    assert.equal(error.rule, "product.stock-available");
    assert.deepEqual([error.productId, error.requested, error.available], ["p-2", 5, 3]);
    assert.equal(error.name, "InsufficientStockError");
  });

  it("gives each error its class name and the fields the edge and the log need", () => {
    const notFound = new EntityNotFoundError("Order", "o-9");
    assert.deepEqual([notFound.name, notFound.entityType, notFound.entityId], ["EntityNotFoundError", "Order", "o-9"]);
    assert.equal(notFound.message, "Order o-9 does not exist");

    const upstream = new ExternalAPIError("warehouse", 503, "GET /stock answered 503");
    assert.deepEqual([upstream.name, upstream.service, upstream.statusCode], ["ExternalAPIError", "warehouse", 503]);
    assert.equal(upstream.message, "warehouse: GET /stock answered 503");
  });

  it("keeps the raw failure as `cause`", () => {
    const raw = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    assert.equal(new DatabaseConnectionError("database unreachable", { cause: raw }).cause, raw);
    assert.equal(new ExternalAPIError("warehouse", null, "failed", { cause: raw }).cause, raw);
  });
});
