import { expectTypeOf, test } from "vitest";
import type { JsonObject, JsonValue } from "../model/json.js";
import { type ArgumentsOf, parameter } from "./define.js";

test("arguments take the types of their parameters", () => {
  type Args = ArgumentsOf<
    readonly [
      { name: "a"; types: readonly ["array"] },
      { name: "n"; types: readonly ["integer", "null"] },
      { name: "o"; types: readonly ["object"]; optional: true },
    ]
  >;
  expectTypeOf<Args>().toEqualTypeOf<readonly [JsonValue[], number | null, JsonObject | undefined]>();
});

test("refine sees the checked type", () => {
  parameter({
    name: "size",
    types: ["integer"],
    refine: (value) => {
      expectTypeOf(value).toEqualTypeOf<number>();
      return undefined;
    },
  });
});
