import type { MoneyJson } from "../../domain/money.value-object.ts";

/** A product and how many are left, for `GET /products/:id`. */
export type ProductStockView = {
  readonly id: string;
  readonly name: string;
  readonly unitPrice: MoneyJson;
  readonly stock: number;
};

/** One outbox row, for `GET /outbox`. */
export type OutboxEntryView = {
  readonly position: number;
  readonly messageId: string;
  readonly type: string;
  readonly status: "pending" | "sent" | "parked";
  readonly parkedReason: string | null;
};

/** Read-only views the HTTP edge shows so you can watch the patterns work. */
export interface ReadModels {
  product(id: string): Promise<ProductStockView | undefined>;
  outbox(): Promise<OutboxEntryView[]>;
}
