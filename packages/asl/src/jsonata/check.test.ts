import { describe, expect, it } from "vitest";
import {
  checkJsonataExpression,
  checkJsonataSyntax,
  jsonataVariableReferences,
  referencedStatesFields,
  referencedVariables,
} from "./check.js";

describe("checkJsonataSyntax", () => {
  it("accepts the expressions of the AWS JSONata guide", () => {
    for (const text of [
      "{% $states.input.customer.name %}",
      "{% $states.input.age >= 18 %}",
      "{% 'Hello ' & $states.input.name %}",
      "{% $customerName %}",
      "{% $partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3) %}",
      "{% $hash($states.input.content, 'SHA-256') %}",
      "{% ( $x := $states.input.a; $x * 2 ) %}",
    ]) {
      expect(checkJsonataSyntax(text)).toEqual([]);
    }
  });

  it("reports a syntax error with jsonata's code and the offending token's position", () => {
    const text = "{% a[1,2) %}";
    const [problem] = checkJsonataSyntax(text);
    expect(problem).toEqual({
      kind: "INVALID_JSONATA_EXPRESSION",
      code: "S0202",
      offset: 6,
      end: 7,
      message: 'S0202: Expected "]", got ","',
    });
    expect(text.slice(problem?.offset, problem?.end)).toBe(",");
  });

  it("reports positions in a bare expression relative to it", () => {
    expect(checkJsonataSyntax("1 +")).toEqual([
      { kind: "INVALID_JSONATA_EXPRESSION", code: "S0207", offset: 3, end: 3, message: "S0207: Unexpected end of expression" },
    ]);
  });

  it("reports an empty expression and an unterminated string", () => {
    expect(checkJsonataSyntax("{%%}")[0]).toMatchObject({ code: "S0207", offset: 2 });
    expect(checkJsonataSyntax("{% 'abc %}")[0]).toMatchObject({
      code: "S0101",
      message: "S0101: String literal must be terminated by a matching quote",
    });
  });

  it("does not judge references (that is checkJsonataExpression's job)", () => {
    expect(checkJsonataSyntax("{% phone %}")).toEqual([]);
  });
});

describe("checkJsonataExpression", () => {
  it("refuses a field name read at the top level, as Step Functions does", () => {
    const text = "{% phone %}";
    expect(checkJsonataExpression(text)).toEqual([
      {
        kind: "UNSUPPORTED_JSONATA_EXPRESSION",
        offset: 3,
        end: 8,
        message: "Reference to 'phone' at the top level is not supported.",
      },
    ]);
  });

  it("refuses $$ anywhere and $ at the top level", () => {
    expect(checkJsonataExpression("{% $$.a %}").map((problem) => problem.message)).toEqual([
      "Reference to '$$' is not supported.",
    ]);
    expect(checkJsonataExpression("{% $.a %}").map((problem) => problem.message)).toEqual([
      "Reference to '$' at the top level is not supported.",
    ]);
    expect(checkJsonataExpression("{% $states.input.items[$.price > 3] %}")).toEqual([]);
  });

  it("accepts names in later path steps, filters, sort terms and groupings", () => {
    for (const text of [
      "{% $states.input.items[value > 3] %}",
      "{% $states.input.items^(>price).name %}",
      "{% $states.input.orders{ customer: $sum(total) } %}",
      "{% $states.input ~> |items|{'done': true}| %}",
      "{% $count($states.input.items[status = 'open']) %}",
    ]) {
      expect(checkJsonataExpression(text)).toEqual([]);
    }
  });

  it("refuses a name in a lambda body, which keeps the top-level context", () => {
    expect(checkJsonataExpression("{% $map($states.input.a, function($x){ b }) %}")).toMatchObject([
      { message: "Reference to 'b' at the top level is not supported." },
    ]);
  });

  it("reports the syntax error instead when the expression does not parse", () => {
    expect(checkJsonataExpression("{% phone[ %}")).toMatchObject([{ kind: "INVALID_JSONATA_EXPRESSION" }]);
  });
});

describe("referencedVariables", () => {
  it("lists workflow variables once, in order, without $states and built-ins", () => {
    expect(referencedVariables("{% $count($orders) + $count($states.input.items) + $total + $orders[0] %}")).toEqual([
      "orders",
      "total",
    ]);
  });

  it("takes a built-in function name for the function, not a variable", () => {
    expect(referencedVariables("{% $min($states.input.prices) + $max + $uuid() %}")).toEqual([]);
  });

  it("leaves out variables bound in the expression, but not a variable read before it is bound", () => {
    expect(referencedVariables("{% ( $x := $y + 1; $z := $x * 2; $z + $w ) %}")).toEqual(["y", "w"]);
    expect(referencedVariables("{% ( $counter := $counter + 1; $counter ) %}")).toEqual(["counter"]);
  });

  it("leaves out function parameters and recursive function names, not free variables in the body", () => {
    expect(
      referencedVariables(
        "{% ( $f := function($n){ $n <= 1 ? $base : $n * $f($n - 1) }; $map($list, function($v, $i){ $v + $i + $f($step) }) ) %}",
      ),
    ).toEqual(["base", "list", "step"]);
  });

  it("leaves out positional and context bindings for the rest of the path", () => {
    expect(referencedVariables("{% $states.input.items#$i.{ 'n': $i, 'k': $key } %}")).toEqual(["key"]);
    expect(referencedVariables("{% $states.input.a@$a.b@$b.{ 'x': $a, 'y': $b } %}")).toEqual([]);
  });

  it("sees variables in filters, objects, conditions, partial applications and transforms", () => {
    expect(
      referencedVariables(
        "{% $states.input.items[price > $minPrice] ~> $map($fmt) ~> $f(?, $sep) ~> |$|{'a': $v}| & ($flag ? $yes : $no) %}",
      ),
    ).toEqual(["minPrice", "fmt", "f", "sep", "v", "flag", "yes", "no"]);
  });

  it("returns offsets relative to the text given", () => {
    const text = "{% $a + $bb %}";
    expect(jsonataVariableReferences(text).map((reference) => text.slice(reference.offset, reference.end))).toEqual([
      "$a",
      "$bb",
    ]);
  });

  it("is empty for text that does not parse", () => {
    expect(referencedVariables("{% $a + %}")).toEqual([]);
  });
});

describe("referencedStatesFields", () => {
  it("lists the $states fields read", () => {
    expect(
      referencedStatesFields(
        "{% $merge([$states.input, $states.result.Payload, {'e': $states.errorOutput.Error, 'id': $states.context.Execution.Id}]) %}",
      ),
    ).toEqual(["input", "result", "errorOutput", "context"]);
  });

  it("ignores a local $states", () => {
    expect(referencedStatesFields("{% ( $states := {'input': 1}; $states.input ) %}")).toEqual([]);
  });
});
