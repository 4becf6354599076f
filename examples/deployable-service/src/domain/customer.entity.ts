import type { CustomerId } from "./identifiers.ts";

/** A customer of the shop. Inactive customers (closed accounts) can no longer order. */
export class Customer {
  readonly id: CustomerId;
  readonly name: string;
  readonly active: boolean;

  constructor(id: CustomerId, name: string, active: boolean) {
    this.id = id;
    this.name = name;
    this.active = active;
  }
}
