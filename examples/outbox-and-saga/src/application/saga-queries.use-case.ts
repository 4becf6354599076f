import { EntityNotFoundError } from "../domain/domain-error.ts";
import type { SagaStore } from "./ports/saga.store.port.ts";
import type { SagaDefinition } from "./saga.ts";
import { toSagaView, type SagaView } from "./views.ts";

/** Reads sagas for `GET /sagas` and `GET /sagas/:id`. */
export class SagaQueriesUseCase {
  private readonly store: SagaStore;
  private readonly definition: SagaDefinition;

  constructor(store: SagaStore, definition: SagaDefinition) {
    this.store = store;
    this.definition = definition;
  }

  async get(id: string): Promise<SagaView> {
    const state = await this.store.findById(id);
    if (state === undefined) throw new EntityNotFoundError("Saga", id);
    return toSagaView(state, this.definition);
  }

  async list(): Promise<SagaView[]> {
    return (await this.store.list()).map((state) => toSagaView(state, this.definition));
  }
}
