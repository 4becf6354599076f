import { ProductId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { Product } from "../../src/domain/product.entity.ts";

/** EUR 24.50. */
export const beans = new Product(ProductId.of("p-1"), "Coffee beans, 1 kg", Money.of(2450, "EUR"));
/** EUR 12.00. */
export const mug = new Product(ProductId.of("p-2"), "Enamel mug", Money.of(1200, "EUR"));
