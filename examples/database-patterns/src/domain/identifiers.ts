// Branded strings: plain strings at runtime, but the compiler refuses a ProductId where an OrderId is expected.

/** Identity of a product. */
export type ProductId = string & { readonly __brand: "ProductId" };

/** Builds ProductIds. */
export const ProductId = { of: (value: string) => value as ProductId };
