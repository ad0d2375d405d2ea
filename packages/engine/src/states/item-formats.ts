/**
 * Turning the bytes of an S3 object into Map items, per `ReaderConfig.InputType`: a JSON array or object (with
 * `ItemsPointer`), JSON Lines, or a text-delimited file whose rows become objects of strings. GZIP- and
 * ZSTD-compressed objects are decompressed first (ZSTD where Node.js has it, 22.15 and later).
 *
 * Text-delimited files follow Step Functions' rules: every field is a string; double quotes enclose fields holding
 * delimiters or newlines and are preserved by doubling them; a backslash escapes a backslash, a double quote or the
 * delimiter and is dropped before any other character; a row with fewer fields than the header gets empty strings,
 * one with more has the extra fields skipped; declared headers (`CSVHeaders`) must be distinct. Records are split by
 * `csv-parse`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/example-csv-parse-dist-map.html
 */
import * as zlib from "node:zlib";
import type { JsonObject, JsonValue } from "@statecraft/asl";
import { parse } from "csv-parse/sync";
import { ItemReaderFailed } from "../errors.js";

/** Items read from a source: an array, or an object whose entries are the items (`$$.Map.Item.Key`). */
export type ItemSource = JsonValue[] | JsonObject;

/** `ReaderConfig.CSVDelimiter` → the character. */
export const csvDelimiters: Readonly<Record<string, string>> = { COMMA: ",", PIPE: "|", SEMICOLON: ";", SPACE: " ", TAB: "\t" };

/** How to read a text-delimited file. */
export interface CsvFormat {
  readonly delimiter: string;
  /** `CSVHeaderLocation: GIVEN`: the column names; otherwise the first row holds them. */
  readonly headers: readonly string[] | undefined;
}

const gzipMagic = [0x1f, 0x8b];
const zstdMagic = [0x28, 0xb5, 0x2f, 0xfd];

function startsWith(body: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => body[index] === byte);
}

/** The object's text: decompressed when it is GZIP or ZSTD, decoded as UTF-8, without a byte order mark. */
export function objectText(body: Uint8Array, where: string): string {
  let bytes = body;
  try {
    if (startsWith(body, gzipMagic)) bytes = zlib.gunzipSync(body);
    else if (startsWith(body, zstdMagic)) {
      const zstd: unknown = Reflect.get(zlib, "zstdDecompressSync");
      if (typeof zstd !== "function") throw new ItemReaderFailed(`${where} is ZSTD-compressed, which needs Node.js 22.15 or later`);
      bytes = zstd(body) as Uint8Array;
    }
  } catch (error) {
    if (error instanceof ItemReaderFailed) throw error;
    throw new ItemReaderFailed(`${where} could not be decompressed: ${(error as Error).message}`);
  }
  const text = new TextDecoder("utf-8").decode(bytes);
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function parseJson(text: string, where: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new ItemReaderFailed(`${where} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Resolves an RFC 6901 JSON Pointer (`/inventory/products/0`). */
function resolvePointer(document: JsonValue, pointer: string, where: string): JsonValue {
  if (pointer === "") return document;
  if (!pointer.startsWith("/")) throw new ItemReaderFailed(`the ItemsPointer '${pointer}' is not a JSON Pointer (it must start with '/')`);
  let node: JsonValue | undefined = document;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token)) node = node[Number(token)];
    else if (typeof node === "object" && node !== null && !Array.isArray(node) && Object.hasOwn(node, token)) node = node[token];
    else node = undefined;
    if (node === undefined) throw new ItemReaderFailed(`the ItemsPointer '${pointer}' selects nothing in ${where}`);
  }
  return node;
}

/** A JSON object holding an array or an object of items, at `itemsPointer` when given. */
export function jsonItems(text: string, itemsPointer: string | undefined, where: string): ItemSource {
  const items = resolvePointer(parseJson(text, where), itemsPointer ?? "", where);
  if (typeof items !== "object" || items === null) {
    const at = itemsPointer === undefined ? "" : ` at '${itemsPointer}'`;
    throw new ItemReaderFailed(`${where} must hold a JSON array or object${at}; it holds ${JSON.stringify(items)}`);
  }
  return items;
}

/** JSON Lines: one JSON value per non-blank line, at most `limit`. */
export function jsonLinesItems(text: string, limit: number, where: string): JsonValue[] {
  const items: JsonValue[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length && items.length < limit; index++) {
    const line = lines[index] ?? "";
    if (line.trim() === "") continue;
    items.push(parseJson(line, `line ${index + 1} of ${where}`));
  }
  return items;
}

/** Removes the backslash escapes: `\\` → `\`, `\"` → `"`, `\,` → `,`; a backslash before anything else is dropped. */
function unescapeBackslashes(value: string): string {
  return value.replace(/\\(.?)/gs, "$1");
}

function endsWithOddBackslashes(value: string): boolean {
  const trailing = /\\+$/.exec(value)?.[0].length ?? 0;
  return trailing % 2 === 1;
}

/**
 * One record's fields after Step Functions' escapes. `csv-parse` splits on every delimiter and knows only doubled
 * quotes inside quoted fields, so an unquoted field ending in an escaping backslash is joined with the next one, and
 * doubled quotes in unquoted fields become one.
 */
function recordFields(raw: readonly string[], delimiter: string): string[] {
  const fields: string[] = [];
  for (let index = 0; index < raw.length; index++) {
    const cell = raw[index] ?? "U";
    let quoted = cell.startsWith("Q");
    let value = cell.slice(1);
    while (!quoted && endsWithOddBackslashes(value) && index + 1 < raw.length) {
      const next = raw[++index] ?? "U";
      value += delimiter + next.slice(1);
      quoted = next.startsWith("Q");
    }
    fields.push(unescapeBackslashes(quoted ? value : value.replaceAll('""', '"')));
  }
  return fields;
}

/** A text-delimited file: each record becomes an object of strings keyed by the header, at most `limit`. */
export function csvItems(text: string, format: CsvFormat, limit: number, where: string): JsonObject[] {
  // Recorded against AWS (localstack test_map_item_reader_csv_headers_decl_duplicate_headers): the Map Run fails.
  if (format.headers !== undefined && new Set(format.headers).size !== format.headers.length) {
    throw new ItemReaderFailed("CSV headers cannot contain duplicates.");
  }
  const headerRows = format.headers === undefined ? 1 : 0;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: format.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      ...(Number.isFinite(limit) ? { to: limit + headerRows } : {}),
      // Each field keeps whether it was quoted (Q/U), which the escape rules need.
      cast: (value, context) => `${context.quoting ? "Q" : "U"}${value}`,
    });
  } catch (error) {
    throw new ItemReaderFailed(`${where} is not a readable text-delimited file: ${(error as Error).message}`);
  }
  const rows = records.map((record) => recordFields(record, format.delimiter));
  const headers = format.headers ?? rows.shift();
  if (headers === undefined) return [];
  return rows.map((row) => {
    const item: JsonObject = {};
    headers.forEach((header, column) => {
      item[header] = row[column] ?? "";
    });
    return item;
  });
}
