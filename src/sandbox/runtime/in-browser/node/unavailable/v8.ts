/** node:v8: the page's engine does not expose V8's heap statistics or serializer to scripts. */
import { unavailable } from "./unavailable.ts";

const instead = "run the example with Node for V8 heap statistics (prom-client's collectDefaultMetrics reads them).";
export const getHeapStatistics = unavailable("v8.getHeapStatistics()", instead);
export const getHeapSpaceStatistics = unavailable("v8.getHeapSpaceStatistics()", instead);
export const getHeapSnapshot = unavailable("v8.getHeapSnapshot()", instead);
export const serialize = unavailable("v8.serialize()", instead);
export const deserialize = unavailable("v8.deserialize()", instead);
export default { getHeapStatistics, getHeapSpaceStatistics, getHeapSnapshot, serialize, deserialize };
