import { BusinessRuleViolationError } from "./domain-error.ts";

// Branded strings: at runtime they are plain strings (cheap to store, log and compare),
// but the compiler refuses a ProductId where a CustomerId is expected.

/** Identity of a customer. */
export type CustomerId = string & { readonly __brand: "CustomerId" };
/** Identity of a product in the catalogue. */
export type ProductId = string & { readonly __brand: "ProductId" };
/** Identity of an order. */
export type OrderId = string & { readonly __brand: "OrderId" };

function requireIdentity(value: string, kind: string): string {
  if (value.trim() === "") throw new BusinessRuleViolationError("identity.required", `${kind} must not be empty`);
  return value;
}

/** Builds CustomerIds. */
export const CustomerId = {
  of: (value: string): CustomerId => requireIdentity(value, "CustomerId") as CustomerId,
};

/** Builds ProductIds. */
export const ProductId = {
  of: (value: string): ProductId => requireIdentity(value, "ProductId") as ProductId,
};

/** Builds OrderIds; new orders get a random UUID from the Web Crypto global (no import needed). */
export const OrderId = {
  of: (value: string): OrderId => requireIdentity(value, "OrderId") as OrderId,
  generate: (): OrderId => crypto.randomUUID() as OrderId,
};
