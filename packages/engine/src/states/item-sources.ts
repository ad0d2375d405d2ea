/**
 * Where a Distributed Map's items come from in S3: one object (`s3:getObject`), the objects under a prefix
 * (`s3:listObjectsV2`, as metadata items or, with `LOAD_AND_FLATTEN`, their contents), or the data files an S3
 * inventory manifest lists (`MANIFEST`). Every failure of the store or of the content is `States.ItemReaderFailed`
 * naming the bucket and key.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import type { JsonObject, JsonValue } from "@statecraft/asl";
import * as z from "zod";
import { ItemReaderFailed } from "../errors.js";
import type { MapListedObject, MapObjectStore } from "../runtime/object-store.js";
import { type CsvFormat, csvItems, type ItemSource, jsonItems, jsonLinesItems, objectText } from "./item-formats.js";

/** `ReaderConfig.InputType` values the engine reads. */
export type ReadableInputType = "JSON" | "JSONL" | "CSV";

/** How to turn one object into items. */
export interface ObjectFormat {
  readonly inputType: ReadableInputType;
  readonly csv: CsvFormat;
  /** `ReaderConfig.ItemsPointer` (JSON only). */
  readonly itemsPointer: string | undefined;
}

function location(bucket: string, key?: string): string {
  return key === undefined ? `the bucket '${bucket}'` : `the object '${key}' in the bucket '${bucket}'`;
}

function storeFailure(error: unknown, what: string): ItemReaderFailed {
  if (error instanceof ItemReaderFailed) return error;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new ItemReaderFailed(`Step Functions could not read ${what}: ${reason}`);
}

async function objectBody(store: MapObjectStore, bucket: string, key: string): Promise<string> {
  const where = location(bucket, key);
  let body: Uint8Array;
  try {
    body = (await store.get(bucket, key)).body;
  } catch (error) {
    throw storeFailure(error, where);
  }
  return objectText(body, where);
}

/** At most `limit` items of a source (an object keeps its first entries). */
export function firstItems(items: ItemSource, limit: number): ItemSource {
  if (Array.isArray(items)) return items.length > limit ? items.slice(0, limit) : items;
  const entries = Object.entries(items);
  return entries.length > limit ? Object.fromEntries(entries.slice(0, limit)) : items;
}

/** `s3:getObject`: the items of one object. */
export async function objectItems(store: MapObjectStore, bucket: string, key: string, format: ObjectFormat, limit: number): Promise<ItemSource> {
  const text = await objectBody(store, bucket, key);
  const where = location(bucket, key);
  switch (format.inputType) {
    case "JSON":
      return firstItems(jsonItems(text, format.itemsPointer, where), limit);
    case "JSONL":
      return jsonLinesItems(text, limit, where);
    case "CSV":
      return csvItems(text, format.csv, limit, where);
  }
}

/** Lists the objects under `prefix`, page by page, stopping once `limit` were seen. */
async function listObjects(store: MapObjectStore, bucket: string, prefix: string, limit: number): Promise<MapListedObject[]> {
  const objects: MapListedObject[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await store.list(bucket, token === undefined ? { prefix } : { prefix, continuationToken: token });
      objects.push(...page.objects);
      token = page.nextContinuationToken;
    } while (token !== undefined && objects.length < limit);
  } catch (error) {
    throw storeFailure(error, `the objects under the prefix '${prefix}' in ${location(bucket)}`);
  }
  return objects.slice(0, limit);
}

/**
 * An object as a `s3:listObjectsV2` item: `Etag` (quoted, as S3 sends it), `Key`, `LastModified` (seconds since
 * the epoch), `Size` and `StorageClass`, as the documentation's example child input shows.
 */
function listedItem(object: MapListedObject): JsonObject {
  const item: JsonObject = {};
  if (object.etag !== undefined) item.Etag = `"${object.etag}"`;
  item.Key = object.key;
  item.LastModified = Math.floor((object.lastModified?.getTime() ?? 0) / 1000);
  item.Size = object.size;
  item.StorageClass = object.storageClass ?? "STANDARD";
  return item;
}

/** `s3:listObjectsV2`: one item per object under the prefix. */
export async function listedItems(store: MapObjectStore, bucket: string, prefix: string, limit: number): Promise<JsonValue[]> {
  return (await listObjects(store, bucket, prefix, limit)).map(listedItem);
}

/**
 * `s3:listObjectsV2` with `Transformation: LOAD_AND_FLATTEN`: the items of every object under the prefix, in key
 * order. Zero-byte keys ending in `/` (folders made in the S3 console) hold no data and are skipped.
 */
export async function flattenedItems(store: MapObjectStore, bucket: string, prefix: string, format: ObjectFormat, limit: number): Promise<JsonValue[]> {
  const items: JsonValue[] = [];
  for (const object of await listObjects(store, bucket, prefix, Number.POSITIVE_INFINITY)) {
    if (items.length >= limit) break;
    if (object.size === 0 && object.key.endsWith("/")) continue;
    const source = await objectItems(store, bucket, object.key, format, limit - items.length);
    if (!Array.isArray(source)) {
      throw new ItemReaderFailed(`${location(bucket, object.key)} holds a JSON object; with LOAD_AND_FLATTEN each object must hold an array of items`);
    }
    items.push(...source);
  }
  return items;
}

/** The fields of an S3 inventory `manifest.json` the reader uses. */
const InventoryManifest = z.object({
  destinationBucket: z.string().min(1),
  fileFormat: z.string(),
  fileSchema: z.string().min(1),
  files: z.array(z.object({ key: z.string().min(1) })),
});

/**
 * `InputType: MANIFEST` (or `ManifestType: S3_INVENTORY`): the rows of the CSV data files an S3 inventory
 * `manifest.json` lists (in its destination bucket, GZIP-compressed as S3 writes them), each an object of strings
 * keyed by the manifest's `fileSchema` (or `CSVHeaders` when `CSVHeaderLocation` is `GIVEN`).
 */
export async function inventoryItems(store: MapObjectStore, bucket: string, key: string, csv: CsvFormat, givenHeaders: boolean, limit: number): Promise<JsonValue[]> {
  const where = location(bucket, key);
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(await objectBody(store, bucket, key));
  } catch (error) {
    throw error instanceof ItemReaderFailed ? error : new ItemReaderFailed(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = InventoryManifest.safeParse(manifestJson);
  if (!parsed.success) throw new ItemReaderFailed(`${where} is not an S3 inventory manifest: ${z.prettifyError(parsed.error).replaceAll("\n", " ")}`);
  const manifest = parsed.data;
  if (manifest.fileFormat.toUpperCase() !== "CSV") {
    throw new ItemReaderFailed(`${where} lists ${manifest.fileFormat} files; Step Functions reads CSV inventory reports only`);
  }
  const dataBucket = manifest.destinationBucket.replace(/^arn:[^:]*:s3:::/, "");
  const format: CsvFormat = { delimiter: csv.delimiter, headers: givenHeaders ? csv.headers : manifest.fileSchema.split(",").map((name) => name.trim()) };
  const items: JsonValue[] = [];
  for (const file of manifest.files) {
    if (items.length >= limit) break;
    const text = await objectBody(store, dataBucket, file.key);
    items.push(...csvItems(text, format, limit - items.length, location(dataBucket, file.key)));
  }
  return items;
}
