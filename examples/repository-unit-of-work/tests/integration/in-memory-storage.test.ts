import { describeStorageContract } from "../contract/storage.contract.ts";
import { inMemoryStorage } from "../fakes/in-memory-storage.ts";

describeStorageContract("in-memory", inMemoryStorage, { interleavesTransactions: true });
