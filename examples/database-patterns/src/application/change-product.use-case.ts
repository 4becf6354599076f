import { EntityNotFoundError } from "../domain/domain-error.ts";
import { ProductId } from "../domain/identifiers.ts";
import { Money, type MoneyJson } from "../domain/money.value-object.ts";
import { ConcurrencyConflictError } from "./ports/storage-errors.ts";
import type { ProductRepository } from "./ports/product.repository.port.ts";
import { toProductView, type ProductView } from "./views.ts";

/** A change to a product, decided on the copy the client read at `version`. */
export type ChangeProductCommand = {
  readonly productId: string;
  readonly version: number;
  readonly name?: string | undefined;
  readonly unitPrice?: MoneyJson | undefined;
};

/** Renames and/or reprices a product, but only if nobody changed it since the client read it. */
export class ChangeProductUseCase {
  readonly #products: ProductRepository;

  constructor(products: ProductRepository) {
    this.#products = products;
  }

  async execute(command: ChangeProductCommand): Promise<ProductView> {
    const product = await this.#products.findById(ProductId.of(command.productId));
    if (!product) throw new EntityNotFoundError("Product", command.productId);
    // The client decided on an older copy: refuse now rather than overwrite what it never saw.
    if (product.version !== command.version) {
      throw new ConcurrencyConflictError("Product", product.id, command.version);
    }
    if (command.name !== undefined) product.rename(command.name);
    if (command.unitPrice !== undefined) {
      product.changePrice(Money.of(command.unitPrice.minorUnits, command.unitPrice.currency));
    }
    // A request that read the same version a moment ago may still win the race; the UPDATE's
    // `WHERE version = …` catches that one.
    await this.#products.save(product);
    return toProductView(product);
  }

  async get(productId: string): Promise<ProductView> {
    const product = await this.#products.findById(ProductId.of(productId));
    if (!product) throw new EntityNotFoundError("Product", productId);
    return toProductView(product);
  }
}
