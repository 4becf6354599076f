import type { CustomerRepository } from "../application/ports/customer.repository.port.ts";
import type { Customer } from "../domain/customer.entity.ts";
import type { CustomerId } from "../domain/identifiers.ts";

/** Customers kept in a Map: the adapter this example runs with (a database adapter would implement the same port). */
export class InMemoryCustomerRepository implements CustomerRepository {
  private readonly byId: Map<CustomerId, Customer>;

  constructor(customers: readonly Customer[] = []) {
    this.byId = new Map(customers.map((customer) => [customer.id, customer]));
  }

  async findById(id: CustomerId): Promise<Customer | undefined> {
    return this.byId.get(id);
  }
}
