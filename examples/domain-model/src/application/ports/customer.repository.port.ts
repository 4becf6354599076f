import type { Customer } from "../../domain/customer.entity.ts";
import type { CustomerId } from "../../domain/identifiers.ts";

/** Read access to customers (their tier drives the discount). */
export interface CustomerRepository {
  findById(id: CustomerId): Promise<Customer | undefined>;
}
