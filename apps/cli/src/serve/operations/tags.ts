/**
 * TagResource, UntagResource, ListTagsForResource on state machines.
 *
 * Behaviour as recorded against AWS in localstack/localstack
 * tests/aws/services/stepfunctions/v2/test_sfn_api_tagging.py: tagging with a
 * key already present replaces it (a list naming one key twice keeps one tag),
 * untagging keys that are absent is no error, tags given at creation are listed,
 * and an ARN that names no state machine (there, a version ARN) is
 * `ResourceNotFound: Resource not found: '<arn>'`.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_TagResource.html
 */
import type { Operation, ServiceContext } from "../context.js";
import { apiError } from "../errors.js";
import { parseRequest } from "../request-validation.js";
import { ListTagsForResourceRequest, type Tag, TagResourceRequest, UntagResourceRequest } from "../schemas.js";
import type { StateMachineRecord } from "../store.js";

function requireResource(context: ServiceContext, arn: string): StateMachineRecord {
  const machine = context.store.getStateMachine(arn);
  if (machine === undefined) throw apiError("ResourceNotFound", `Resource not found: '${arn}'`);
  return machine;
}

function storedTags(machine: StateMachineRecord): Tag[] {
  return machine.tags === undefined ? [] : (JSON.parse(machine.tags) as Tag[]);
}

/** `tags` with `added` applied: an added key replaces the tag of that key, new keys go last. */
export function mergeTags(tags: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = [...tags];
  for (const tag of added) {
    const at = merged.findIndex((existing) => existing.key === tag.key);
    if (at === -1) merged.push(tag);
    else merged[at] = tag;
  }
  return merged;
}

const tagResource: Operation = (context, body) => {
  const request = parseRequest(TagResourceRequest, body);
  const machine = requireResource(context, request.resourceArn);
  context.store.setTags(machine.arn, JSON.stringify(mergeTags(storedTags(machine), request.tags)));
  return {};
};

const untagResource: Operation = (context, body) => {
  const request = parseRequest(UntagResourceRequest, body);
  const machine = requireResource(context, request.resourceArn);
  const removed = new Set(request.tagKeys);
  const kept = storedTags(machine).filter((tag) => tag.key === undefined || !removed.has(tag.key));
  context.store.setTags(machine.arn, JSON.stringify(kept));
  return {};
};

const listTagsForResource: Operation = (context, body) => {
  const request = parseRequest(ListTagsForResourceRequest, body);
  return { tags: storedTags(requireResource(context, request.resourceArn)) };
};

export const tagOperations: Readonly<Record<string, Operation>> = {
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
