import assert from "node:assert/strict";
import { test } from "node:test";
import { ChangeProductUseCase } from "../../src/application/change-product.use-case.ts";
import { ConcurrencyConflictError } from "../../src/application/ports/storage-errors.ts";
import { BusinessRuleViolationError, EntityNotFoundError } from "../../src/domain/domain-error.ts";
import { ProductId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { InMemoryProductRepository } from "../fakes/in-memory-product.repository.ts";

const beans = { id: ProductId.of("p-1"), name: "Beans", unitPrice: Money.of(2490, "EUR"), stock: 40, version: 3 };

test("renames and reprices at the version the client read, and returns the next version", async () => {
  const repository = new InMemoryProductRepository([beans]);
  const view = await new ChangeProductUseCase(repository).execute({
    productId: "p-1",
    version: 3,
    name: "Espresso beans",
    unitPrice: { minorUnits: 2590, currency: "EUR" },
  });
  assert.equal(view.version, 4);
  assert.equal(repository.rows.get("p-1")?.name, "Espresso beans");
  assert.equal(repository.rows.get("p-1")?.unitPrice.minorUnits, 2590);
});

test("refuses a change decided on an older version, and stores nothing", async () => {
  const repository = new InMemoryProductRepository([beans]);
  await assert.rejects(
    new ChangeProductUseCase(repository).execute({ productId: "p-1", version: 2, name: "Stale" }),
    ConcurrencyConflictError,
  );
  assert.equal(repository.rows.get("p-1")?.name, "Beans");
});

test("a price in another currency breaks product.price-currency; an unknown product is not found", async () => {
  const useCase = new ChangeProductUseCase(new InMemoryProductRepository([beans]));
  await assert.rejects(
    useCase.execute({ productId: "p-1", version: 3, unitPrice: { minorUnits: 100, currency: "USD" } }),
    (error: unknown) => error instanceof BusinessRuleViolationError && error.rule === "product.price-currency",
  );
  await assert.rejects(useCase.execute({ productId: "p-9", version: 0, name: "x" }), EntityNotFoundError);
});
