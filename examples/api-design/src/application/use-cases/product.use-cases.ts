import { EntityNotFoundError, PermissionDeniedError } from "../../domain/domain-error.ts";
import { Money } from "../../domain/money.value-object.ts";
import { Product, type ProductChanges } from "../../domain/product.entity.ts";
import type { Caller } from "../caller.ts";
import type { Clock } from "../ports/clock.port.ts";
import { PreconditionFailedError } from "../ports/concurrency-errors.ts";
import type { ProductQuery, ProductRepository } from "../ports/product.repository.port.ts";

/** What a new product needs: the create schema's output. */
export type NewProduct = {
  readonly name: string;
  readonly description?: string | undefined;
  readonly unitPrice: { readonly minorUnits: number; readonly currency: string };
  readonly stock: number;
};

/** A merge patch already read into changes; `unitPrice` still as plain data. */
export type ProductPatch = Omit<ProductChanges, "unitPrice"> & {
  readonly unitPrice?: { readonly minorUnits: number; readonly currency: string } | undefined;
};

function requireStaff(caller: Caller, action: string): void {
  // Everyone may see the catalog, so refusing a change says nothing secret: 403, not 404.
  if (caller.kind !== "staff") throw new PermissionDeniedError(action, "Only staff can change the catalog");
}

/** The catalog's use cases: reading is public, changing it is for staff. */
export class ProductUseCases {
  readonly #products: ProductRepository;
  readonly #clock: Clock;

  constructor(deps: { products: ProductRepository; clock: Clock }) {
    this.#products = deps.products;
    this.#clock = deps.clock;
  }

  list(query: ProductQuery): Promise<Product[]> {
    return this.#products.list(query);
  }

  async get(id: string): Promise<Product> {
    const product = await this.#products.get(id);
    if (product === undefined) throw new EntityNotFoundError("Product", id);
    return product;
  }

  async create(caller: Caller, input: NewProduct): Promise<Product> {
    requireStaff(caller, "create-product");
    const product = new Product({
      id: crypto.randomUUID(),
      name: input.name,
      description: input.description ?? null,
      unitPrice: Money.of(input.unitPrice.minorUnits, input.unitPrice.currency),
      stock: input.stock,
      createdAt: this.#clock.now(),
      version: 0,
    });
    await this.#products.add(product);
    return product;
  }

  /** Applies a merge patch if the product's current version is one the client decided on (its If-Match). */
  async update(
    caller: Caller,
    id: string,
    patch: ProductPatch,
    decidedOn: (currentVersion: number) => boolean,
  ): Promise<Product> {
    requireStaff(caller, "update-product");
    const product = await this.get(id);
    if (!decidedOn(product.version)) throw new PreconditionFailedError("Product", id, product.version);
    const { unitPrice, ...rest } = patch;
    product.change(
      unitPrice === undefined ? rest : { ...rest, unitPrice: Money.of(unitPrice.minorUnits, unitPrice.currency) },
    );
    // Compare-and-set: a change saved between our read and this line still makes this one fail (409).
    await this.#products.save(product);
    return product;
  }

  async delete(caller: Caller, id: string): Promise<void> {
    requireStaff(caller, "delete-product");
    if (!(await this.#products.delete(id))) throw new EntityNotFoundError("Product", id);
  }
}
