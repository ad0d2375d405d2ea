import { readdir, readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import {
  CreateStateMachineCommand,
  DescribeStateMachineCommand,
  paginateListStateMachines,
  type SFNClient,
  UpdateStateMachineCommand,
} from "@aws-sdk/client-sfn";
import * as z from "zod";
import { type Command, type CommandIO, UsageError } from "../command.js";
import { createSfnClient, describeSdkError } from "../serve/client.js";

const deployFlags = {
  endpoint: { type: "string" },
  region: { type: "string" },
  "role-arn": { type: "string" },
  prefix: { type: "string" },
  dir: { type: "string" },
  type: { type: "string" },
} as const;

const DeployOptions = z
  .object({
    endpoint: z.url({ protocol: /^https?$/, error: "--endpoint must be an http(s) URL" }).optional(),
    region: z.string().min(1).optional(),
    "role-arn": z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "--role-arn must be an IAM role ARN")
      .optional(),
    prefix: z.string().regex(/^[A-Za-z0-9_-]*$/, "--prefix may hold letters, digits, - and _").default(""),
    dir: z.string().min(1).default("infra/dist/asl"),
    type: z.enum(["STANDARD", "EXPRESS"], { error: "--type is STANDARD or EXPRESS" }).default("STANDARD"),
  })
  .refine((o) => o.endpoint !== undefined || o["role-arn"] !== undefined, {
    error: "--role-arn is required when deploying to AWS (without --endpoint)",
  });

/** Placeholder role for a local server, which does not check roles. */
const localRoleArn = "arn:aws:iam::123456789012:role/statecraft-local";

interface Definition {
  readonly name: string;
  readonly text: string;
  readonly json: unknown;
}

async function readDefinitions(dir: string, prefix: string): Promise<Definition[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith(".asl.json")).sort();
  } catch {
    throw new UsageError(`no ${dir}: build the workflows first (pnpm build)`);
  }
  if (files.length === 0) throw new UsageError(`no *.asl.json files in ${dir}`);
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(dir, file), "utf8");
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new UsageError(`${join(dir, file)} is not valid JSON: ${(error as Error).message}`);
      }
      return { name: `${prefix}${basename(file, ".asl.json")}`, text, json };
    }),
  );
}

async function existingMachines(client: SFNClient): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for await (const page of paginateListStateMachines({ client }, {})) {
    for (const m of page.stateMachines ?? []) if (m.name && m.stateMachineArn) byName.set(m.name, m.stateMachineArn);
  }
  return byName;
}

type Change = "created" | "updated" | "unchanged";

async function deployOne(
  client: SFNClient,
  def: Definition,
  arn: string | undefined,
  role: string,
  type: "STANDARD" | "EXPRESS",
):
  Promise<{ arn: string; change: Change }> {
  if (arn === undefined) {
    const created = await client.send(
      new CreateStateMachineCommand({ name: def.name, definition: def.text, roleArn: role, type }),
    );
    return { arn: created.stateMachineArn ?? "", change: "created" };
  }
  const current = await client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
  const sameDefinition = isDeepStrictEqual(JSON.parse(current.definition ?? "null"), def.json);
  if (sameDefinition && current.roleArn === role) return { arn, change: "unchanged" };
  await client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, definition: def.text, roleArn: role }));
  return { arn, change: "updated" };
}

async function deploy(argv: readonly string[], io: CommandIO): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: deployFlags, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed = DeployOptions.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
  const options = parsed.data;
  const definitions = await readDefinitions(resolve(io.cwd, options.dir), options.prefix);
  const role = options["role-arn"] ?? localRoleArn;
  const client = createSfnClient({ endpoint: options.endpoint, region: options.region }, io.env);
  const counts: Record<Change, number> = { created: 0, updated: 0, unchanged: 0 };
  try {
    const existing = await existingMachines(client);
    for (const def of definitions) {
      const { arn, change } = await deployOne(client, def, existing.get(def.name), role, options.type);
      counts[change]++;
      io.stdout.write(`${change.padEnd(9)}  ${def.name}  ${arn}\n`);
    }
  } catch (error) {
    io.stderr.write(`sfn deploy: ${describeSdkError(error)}\n`);
    return 1;
  } finally {
    client.destroy();
  }
  if (counts.created + counts.updated === 0) {
    io.stdout.write(`No changes: all ${definitions.length} state machine(s) are up to date.\n`);
  } else {
    io.stdout.write(`${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged.\n`);
  }
  return 0;
}

/** `sfn deploy`: creates or updates every generated state machine. */
export const deployCommand: Command = {
  name: "deploy",
  usage:
    "deploy [--endpoint <url>] [--region <r>] [--role-arn <arn>] [--prefix <p>] [--dir infra/dist/asl] [--type STANDARD|EXPRESS]",
  summary: "Create or update every state machine in infra/dist/asl (idempotent) and print the ARNs.",
  run: deploy,
};
