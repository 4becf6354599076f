import type { CustomerRepository } from "../application/ports/customer.repository.port.ts";
import type { Customer } from "../domain/customer.entity.ts";
import type { CustomerId } from "../domain/identifiers.ts";

/** Customers held in memory, seeded at start. */
export class InMemoryCustomerRepository implements CustomerRepository {
  private readonly customers: ReadonlyMap<string, Customer>;

  constructor(customers: readonly Customer[]) {
    this.customers = new Map(customers.map((customer) => [customer.id, customer]));
  }

  async findById(id: CustomerId): Promise<Customer | undefined> {
    return this.customers.get(id);
  }
}
