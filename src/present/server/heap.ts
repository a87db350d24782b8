/**
 * One full garbage collection after a large snapshot is loaded. V8 sets its next old-generation limit at each
 * full collection; the load's last one leaves a limit that the first requests' garbage soon crosses, and V8 then
 * marks the whole heap incrementally, in steps on the thread that answers requests. At 600,000 studies (a 1.7 GB
 * heap) that was ~0.9 s of marking steps within one second of requests (biggest step 22 ms): the cold text searches
 * that fell in it took 100–160 ms instead of ~10. Collecting once when the load ends sets the limit from what the
 * dataset keeps, with the headroom V8 gives a heap of that size. Through the inspector protocol's
 * HeapProfiler.collectGarbage (node:inspector, in this process: no port is opened).
 */
import { Session } from 'node:inspector/promises';

/** Below this heap size the marking steps are short and a full collection is not worth its time at load. */
export const SETTLE_MIN_HEAP_BYTES = 512 * 1024 * 1024;

/** Collect garbage once if the heap holds at least `minHeapBytes`; whether it did. */
export async function settleHeap(minHeapBytes = SETTLE_MIN_HEAP_BYTES): Promise<boolean> {
  if (process.memoryUsage().heapUsed < minHeapBytes) return false;
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.collectGarbage');
  } finally {
    session.disconnect();
  }
  return true;
}
