import { parseArgs } from "node:util";
import { definitionWarnings, validateDefinition } from "@statecraft/asl";
import { readJsonFile } from "../args.js";
import { type Command, type CommandIO, UsageError } from "../command.js";
import { type DefinitionProblem, describeProblem } from "../problems.js";

async function validate(argv: readonly string[], io: CommandIO): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: { json: { type: "boolean" } }; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: { json: { type: "boolean" } }, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError("give at least one definition file");
  let invalid = 0;
  const report: Record<string, { problems: DefinitionProblem[]; warnings: DefinitionProblem[] }> = {};
  for (const file of files) {
    const definition = await readJsonFile(file, io.cwd, "definition");
    const problems = validateDefinition(definition);
    const warnings = problems.length === 0 ? definitionWarnings(definition) : [];
    report[file] = { problems, warnings };
    if (problems.length > 0) invalid++;
    if (parsed.values.json) continue;
    if (problems.length === 0) {
      const note = warnings.length === 0 ? "" : ` (${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"})`;
      io.stdout.write(`✓ ${file}: valid${note}\n`);
    } else {
      io.stdout.write(`✗ ${file}: ${problems.length} ${problems.length === 1 ? "problem" : "problems"}\n`);
    }
    for (const problem of problems) io.stdout.write(`  ${describeProblem(problem)}\n`);
    for (const warning of warnings) io.stdout.write(`  warning ${describeProblem(warning)}\n`);
  }
  if (parsed.values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
  return invalid === 0 ? 0 : 1;
}

/** `sfn validate`: checks ASL files as Step Functions would, and beyond. */
export const validateCommand: Command = {
  name: "validate",
  usage: "validate <definition.json>… [--json]",
  summary:
    "Validate ASL definitions: every problem with its JSON pointer and state (exit 1 when any is invalid), and warnings such as variables no path assigns.",
  run: validate,
};
