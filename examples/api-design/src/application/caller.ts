/**
 * Who is asking, as the HTTP edge authenticated them: a customer (who sees their own orders) or a member of
 * staff (who manages the catalog and sees every order). Use cases decide what each may do.
 */
export type Caller = { readonly kind: "customer"; readonly customerId: string } | { readonly kind: "staff" };
