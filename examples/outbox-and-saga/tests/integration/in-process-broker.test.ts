import { InProcessBroker } from "../../src/infrastructure/in-process/in-process-broker.ts";
import { describeBrokerContract } from "../contract/broker.contract.ts";

describeBrokerContract("in-process stand-in", async () => new InProcessBroker());
