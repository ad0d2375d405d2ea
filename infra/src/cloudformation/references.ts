/**
 * Checks that a template's references resolve: every `Ref`, `Fn::GetAtt` and
 * `Fn::Sub` placeholder names a parameter, resource or pseudo parameter, every
 * condition exists, nothing outside a condition refers to a conditional
 * resource, and every `${Name}` in a state machine definition has a
 * `DefinitionSubstitutions` entry (and every entry is used).
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
 */
import type { JsonValue } from "@statecraft/asl";
import type { CfnTemplate } from "./model.js";

const pseudoParameters = new Set([
  "AWS::AccountId",
  "AWS::NotificationARNs",
  "AWS::NoValue",
  "AWS::Partition",
  "AWS::Region",
  "AWS::StackId",
  "AWS::StackName",
  "AWS::URLSuffix",
]);

/** What a value refers to. `guarded` references sit inside an `Fn::If`. */
interface Reference {
  readonly kind: "Ref" | "Fn::GetAtt" | "Fn::Sub" | "Fn::If";
  readonly target: string;
  readonly guarded: boolean;
}

/** The `${…}` names in a `Fn::Sub` string (`${!Literal}` is an escape, not a reference). */
export function subPlaceholders(text: string): string[] {
  return [...text.matchAll(/\$\{([^}!][^}]*)\}/g)].map((match) => match[1] ?? "");
}

function collect(value: JsonValue, guarded: boolean, out: Reference[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, guarded, out);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only !== undefined) {
    const [key, argument] = only;
    if (key === "Ref" && typeof argument === "string") {
      out.push({ kind: "Ref", target: argument, guarded });
      return;
    }
    if (key === "Fn::GetAtt" && Array.isArray(argument) && typeof argument[0] === "string") {
      out.push({ kind: "Fn::GetAtt", target: argument[0], guarded });
      return;
    }
    if (key === "Fn::Sub") {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, undefined];
      const local = variables !== null && typeof variables === "object" ? Object.keys(variables) : [];
      if (typeof text === "string") {
        for (const name of subPlaceholders(text)) {
          const target = name.split(".")[0] ?? name;
          if (!local.includes(name) && !pseudoParameters.has(name)) out.push({ kind: "Fn::Sub", target, guarded });
        }
      }
      if (variables !== undefined) collect(variables, guarded, out);
      return;
    }
    if (key === "Fn::If" && Array.isArray(argument) && typeof argument[0] === "string") {
      out.push({ kind: "Fn::If", target: argument[0], guarded });
      for (const branch of argument.slice(1)) collect(branch, true, out);
      return;
    }
  }
  for (const [, inner] of entries) collect(inner, guarded, out);
}

/** Every problem with the template's references, as readable sentences (empty when all resolve). */
export function findReferenceProblems(template: CfnTemplate): string[] {
  const problems: string[] = [];
  const parameters = new Set(Object.keys(template.Parameters));
  const resources = template.Resources;
  const conditions = new Set(Object.keys(template.Conditions));
  const check = (where: string, value: JsonValue, ownCondition: string | undefined): void => {
    const found: Reference[] = [];
    collect(value, false, found);
    for (const reference of found) {
      if (reference.kind === "Fn::If") {
        if (!conditions.has(reference.target)) problems.push(`${where}: Fn::If names unknown condition ${reference.target}`);
        continue;
      }
      const target = reference.target;
      const resource = resources[target];
      const known =
        resource !== undefined || (reference.kind !== "Fn::GetAtt" && (parameters.has(target) || pseudoParameters.has(target)));
      if (!known) {
        problems.push(`${where}: ${reference.kind} ${target} is not a ${reference.kind === "Fn::GetAtt" ? "resource" : "parameter or resource"}`);
      } else if (resource?.Condition !== undefined && resource.Condition !== ownCondition && !reference.guarded) {
        problems.push(`${where}: refers to ${target}, which exists only when ${resource.Condition}`);
      }
    }
  };
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Condition !== undefined && !conditions.has(resource.Condition)) {
      problems.push(`${id}: unknown condition ${resource.Condition}`);
    }
    const dependsOn = typeof resource.DependsOn === "string" ? [resource.DependsOn] : (resource.DependsOn ?? []);
    for (const dependency of dependsOn) {
      if (resources[dependency] === undefined) problems.push(`${id}: DependsOn unknown resource ${dependency}`);
    }
    if (resource.Properties !== undefined) check(id, resource.Properties, resource.Condition);
    if (resource.Type === "AWS::StepFunctions::StateMachine") problems.push(...substitutionProblems(id, resource.Properties));
  }
  for (const [name, condition] of Object.entries(template.Conditions)) check(`Conditions.${name}`, condition, undefined);
  for (const [name, output] of Object.entries(template.Outputs)) check(`Outputs.${name}`, output.Value, output.Condition);
  return problems;
}

/** `${Name}` placeholders in a definition must match the `DefinitionSubstitutions` keys exactly. */
function substitutionProblems(id: string, properties: Record<string, JsonValue> | undefined): string[] {
  const used = new Set<string>();
  const scan = (value: JsonValue | undefined): void => {
    if (typeof value === "string") for (const name of subPlaceholders(value)) used.add(name);
    else if (Array.isArray(value)) value.forEach(scan);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(scan);
  };
  scan(properties?.Definition);
  const substitutions = properties?.DefinitionSubstitutions;
  const keys = new Set(substitutions !== null && typeof substitutions === "object" ? Object.keys(substitutions) : []);
  return [
    ...[...used].filter((name) => !keys.has(name)).map((name) => `${id}: definition uses \${${name}} without a substitution`),
    ...[...keys].filter((name) => !used.has(name)).map((name) => `${id}: substitution ${name} is not used by the definition`),
  ];
}
