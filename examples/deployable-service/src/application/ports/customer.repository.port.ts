import type { Customer } from "../../domain/customer.entity.ts";
import type { CustomerId } from "../../domain/identifiers.ts";

/** Where customers come from. The application owns this contract; an adapter in infrastructure fulfils it. */
export interface CustomerRepository {
  findById(id: CustomerId): Promise<Customer | undefined>;
}
