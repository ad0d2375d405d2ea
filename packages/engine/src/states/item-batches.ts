/**
 * `ItemBatcher`: groups a Distributed Map's items into batches of at most `MaxItemsPerBatch` items and
 * `MaxInputBytesPerBatch` bytes (of the items' JSON), each child getting `{Items: […], BatchInput}`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";

/** Splits `items` into batches; an undefined limit does not apply. */
export function batches(items: JsonValue[], maxItems: number | undefined, maxBytes: number | undefined, batchInput: JsonValue | undefined): JsonValue[] {
  const out: JsonValue[] = [];
  let current: JsonValue[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length === 0) return;
    const batch: JsonObject = { Items: current };
    if (batchInput !== undefined) batch.BatchInput = batchInput;
    out.push(batch);
    current = [];
    bytes = 0;
  };
  for (const item of items) {
    const size = maxBytes === undefined ? 0 : Buffer.byteLength(JSON.stringify(item));
    if (current.length > 0 && ((maxItems !== undefined && current.length >= maxItems) || (maxBytes !== undefined && bytes + size > maxBytes))) flush();
    current.push(item);
    bytes += size;
  }
  flush();
  return out;
}
