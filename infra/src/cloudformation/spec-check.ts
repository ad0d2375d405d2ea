/**
 * Checks a template against AWS's CloudFormation resource specification
 * (`@aws-cdk/aws-service-spec`, a dev dependency used by the template tests):
 * known resource types, known property names at every level, required
 * properties present, primitive types and allowed values, and `Fn::GetAtt`
 * attributes that exist. Intrinsic functions are accepted where a value is
 * expected (both `Fn::If` branches are checked).
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-resource-specification.html
 */
import { loadAwsServiceSpec } from "@aws-cdk/aws-service-spec";
import type { JsonValue } from "@statecraft/asl";
import type { CfnTemplate } from "./model.js";

/** The loaded specification database. */
export type SpecDatabase = Awaited<ReturnType<typeof loadAwsServiceSpec>>;

/** Loads the specification (about a second). */
export function loadSpecDatabase(): Promise<SpecDatabase> {
  return loadAwsServiceSpec();
}

/** The parts of the spec's type model read here. */
interface SpecType {
  readonly type: string;
  readonly allowedValues?: readonly (string | number)[];
  readonly element?: SpecType;
  readonly types?: readonly SpecType[];
  readonly reference?: { readonly $ref: string };
}
interface SpecProperty {
  readonly type: SpecType;
  readonly required?: boolean;
}
type SpecProperties = Readonly<Record<string, SpecProperty>>;

/**
 * Properties that may hold a local path before `aws cloudformation package`
 * uploads it and rewrites the value.
 * @see https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html
 */
export const packageableProperties: Readonly<Record<string, readonly string[]>> = {
  "AWS::Lambda::Function": ["Code"],
};

/** Every way the template departs from the specification, as sentences (empty when it conforms). */
export function checkTemplateAgainstSpec(template: CfnTemplate, db: SpecDatabase): string[] {
  const problems: string[] = [];
  const specs = new Map<string, { properties: SpecProperties; attributes: readonly string[] }>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    const found = db.lookup("resource", "cloudFormationType", "equals", resource.Type);
    const spec = found[0];
    if (spec === undefined) {
      problems.push(`${id}: unknown resource type ${resource.Type}`);
      continue;
    }
    const properties = spec.properties as unknown as SpecProperties;
    specs.set(id, { properties, attributes: Object.keys(spec.attributes) });
    const packageable = packageableProperties[resource.Type] ?? [];
    const given = Object.fromEntries(
      Object.entries(resource.Properties ?? {}).filter(([name, value]) => !(packageable.includes(name) && typeof value === "string")),
    );
    const skipped = Object.keys(resource.Properties ?? {}).filter((name) => !(name in given));
    checkObject(given, properties, `${id}.Properties`, db, problems, skipped);
  }
  for (const [where, target, attribute] of getAtts(template)) {
    const spec = specs.get(target);
    if (spec !== undefined && !spec.attributes.includes(attribute)) {
      problems.push(`${where}: ${target} (${template.Resources[target]?.Type}) has no attribute ${attribute}`);
    }
  }
  return problems;
}

function checkObject(
  value: Readonly<Record<string, JsonValue>>,
  properties: SpecProperties,
  path: string,
  db: SpecDatabase,
  problems: string[],
  alsoPresent: readonly string[] = [],
): void {
  for (const [name, inner] of Object.entries(value)) {
    const property = properties[name];
    if (property === undefined) problems.push(`${path}: unknown property ${name}`);
    else checkValue(inner, property.type, `${path}.${name}`, db, problems);
  }
  for (const [name, property] of Object.entries(properties)) {
    if (property.required === true && !(name in value) && !alsoPresent.includes(name)) {
      problems.push(`${path}: missing required property ${name}`);
    }
  }
}

function checkValue(value: JsonValue, type: SpecType, path: string, db: SpecDatabase, problems: string[]): void {
  const intrinsic = intrinsicName(value);
  if (intrinsic !== undefined) {
    if (intrinsic === "Fn::If" && isObject(value) && Array.isArray(value["Fn::If"])) {
      for (const branch of value["Fn::If"].slice(1)) {
        if (!(isObject(branch) && branch.Ref === "AWS::NoValue")) checkValue(branch, type, path, db, problems);
      }
    }
    return;
  }
  const wrong = (expected: string): void => {
    problems.push(`${path}: expected ${expected}, got ${JSON.stringify(value)}`);
  };
  switch (type.type) {
    case "string":
    case "date-time":
      if (typeof value !== "string") wrong("a string");
      else if (type.allowedValues !== undefined && !type.allowedValues.includes(value)) {
        wrong(`one of ${type.allowedValues.join(", ")}`);
      }
      return;
    case "number":
    case "integer":
      if (typeof value !== "number") wrong("a number");
      return;
    case "boolean":
      if (typeof value !== "boolean") wrong("a boolean");
      return;
    case "null":
      if (value !== null) wrong("null");
      return;
    case "json":
      return;
    case "tag":
      if (!isObject(value) || typeof value.Key !== "string") wrong("a tag {Key, Value}");
      return;
    case "array":
      if (!Array.isArray(value)) wrong("a list");
      else {
        value.forEach((item, index) => {
          checkValue(item, type.element ?? { type: "json" }, `${path}[${index}]`, db, problems);
        });
      }
      return;
    case "map":
      if (!isObject(value)) wrong("a map");
      else for (const [key, item] of Object.entries(value)) checkValue(item, type.element ?? { type: "json" }, `${path}.${key}`, db, problems);
      return;
    case "union": {
      const fits = (type.types ?? []).some((option) => {
        const attempt: string[] = [];
        checkValue(value, option, path, db, attempt);
        return attempt.length === 0;
      });
      if (!fits) wrong(`one of the types ${(type.types ?? []).map((option) => option.type).join(" | ")}`);
      return;
    }
    case "ref": {
      const definition = type.reference === undefined ? undefined : db.get("typeDefinition", type.reference.$ref);
      if (definition === undefined) return;
      if (!isObject(value)) wrong(`a ${definition.name} object`);
      else checkObject(value, definition.properties as unknown as SpecProperties, path, db, problems);
      return;
    }
    default:
      problems.push(`${path}: the specification type ${type.type} is not checked`);
  }
}

/** The intrinsic function a value is (`Ref`, `Fn::…`), if any. */
function intrinsicName(value: JsonValue): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  const [only] = keys;
  return keys.length === 1 && only !== undefined && (only === "Ref" || only.startsWith("Fn::")) ? only : undefined;
}

/** Every `Fn::GetAtt` in the template: where, resource, attribute (and those written in `Fn::Sub` as `${Res.Attr}`). */
function getAtts(template: CfnTemplate): [string, string, string][] {
  const found: [string, string, string][] = [];
  const walk = (value: JsonValue, where: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, where);
    }
    if (isObject(value)) {
      const getAtt = value["Fn::GetAtt"];
      if (Array.isArray(getAtt) && typeof getAtt[0] === "string" && typeof getAtt[1] === "string") {
        found.push([where, getAtt[0], getAtt[1]]);
      }
      const subText = value["Fn::Sub"];
      const text = Array.isArray(subText) ? subText[0] : subText;
      if (typeof text === "string") {
        for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\}/g)) found.push([where, match[1] ?? "", match[2] ?? ""]);
      }
      for (const inner of Object.values(value)) walk(inner, where);
    }
  };
  for (const [id, resource] of Object.entries(template.Resources)) walk(resource.Properties ?? {}, id);
  for (const [name, output] of Object.entries(template.Outputs)) walk(output.Value, `Outputs.${name}`);
  return found;
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
