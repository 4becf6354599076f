// Branded strings: plain strings at runtime, but the compiler refuses a ProductId where a CustomerId is expected.

/** Identity of a customer. */
export type CustomerId = string & { readonly __brand: "CustomerId" };
/** Identity of a product. */
export type ProductId = string & { readonly __brand: "ProductId" };
/** Identity of an order. */
export type OrderId = string & { readonly __brand: "OrderId" };

/** Builds CustomerIds. */
export const CustomerId = { of: (value: string) => value as CustomerId };
/** Builds ProductIds. */
export const ProductId = { of: (value: string) => value as ProductId };
/** Builds OrderIds; new ones are random UUIDs from the Web Crypto global, so the domain needs no import. */
export const OrderId = {
  of: (value: string) => value as OrderId,
  generate: () => crypto.randomUUID() as OrderId,
};
