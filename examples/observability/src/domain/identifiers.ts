// Branded strings: plain strings at runtime, but the compiler refuses a ProductId where an OrderId is expected.

/** Identity of a product. */
export type ProductId = string & { readonly __brand: "ProductId" };
/** Identity of an order. */
export type OrderId = string & { readonly __brand: "OrderId" };

/** Builds ProductIds. */
export const ProductId = { of: (value: string) => value as ProductId };
/** Builds OrderIds; new ones are random UUIDs from the Web Crypto global, so the domain needs no import. */
export const OrderId = {
  of: (value: string) => value as OrderId,
  generate: () => crypto.randomUUID() as OrderId,
};
