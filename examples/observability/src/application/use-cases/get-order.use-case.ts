import { EntityNotFoundError } from "../../domain/domain-error.ts";
import { OrderId } from "../../domain/identifiers.ts";
import type { OrderRepository } from "../ports/order.repository.port.ts";
import { toOrderDto, type OrderDto } from "../order.dto.ts";

/** Reads one order, or throws EntityNotFoundError. */
export class GetOrderUseCase {
  private readonly orders: OrderRepository;

  constructor(deps: { orders: OrderRepository }) {
    this.orders = deps.orders;
  }

  async execute(id: string): Promise<OrderDto> {
    const order = await this.orders.findById(OrderId.of(id));
    if (!order) throw new EntityNotFoundError("Order", id);
    return toOrderDto(order);
  }
}
