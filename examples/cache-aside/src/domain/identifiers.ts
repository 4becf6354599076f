// A branded string: a plain string at runtime, but the compiler refuses any other string where a ProductId is expected.

/** Identity of a product. */
export type ProductId = string & { readonly __brand: "ProductId" };

/** Builds ProductIds. */
export const ProductId = { of: (value: string) => value as ProductId };
